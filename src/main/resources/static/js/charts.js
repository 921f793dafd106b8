/*
 * Charts: every element with data-chart holds its data as JSON (written by the server into the attribute, so it
 * stays text) and data-chart-kind says how to draw it. Tooltips are drawn on the canvas (richText), never as HTML,
 * so a partner's or a site's name cannot become markup.
 */
(function () {
  'use strict';
  var TOOLTIP = { renderMode: 'richText' };
  var PROGRESS_COLOURS = ['#8aa1b4', '#e0a800', '#0b6e4f', '#b3261e'];

  function tooltip(extra) {
    var t = { renderMode: TOOLTIP.renderMode };
    Object.keys(extra || {}).forEach(function (k) { t[k] = extra[k]; });
    return t;
  }

  var KINDS = {
    trend: function (data) {
      var bands = [];
      if (data.bandLow != null && data.bandHigh != null) {
        bands.push([{ yAxis: 0, itemStyle: { color: 'rgba(200,40,40,0.10)' } }, { yAxis: data.bandLow }]);
        bands.push([{ yAxis: data.bandLow, itemStyle: { color: 'rgba(230,160,0,0.12)' } }, { yAxis: data.bandHigh }]);
        bands.push([{ yAxis: data.bandHigh, itemStyle: { color: 'rgba(40,150,60,0.10)' } }, { yAxis: data.bandHigh * 1.5 }]);
      }
      return { animation: false, tooltip: tooltip({ trigger: 'axis' }), grid: { containLabel: true },
        xAxis: { type: 'category', data: data.months }, yAxis: { type: 'value' },
        series: [{ type: 'line', data: data.values, connectNulls: false, markArea: { silent: true, data: bands } }] };
    },
    bars: function (data) {
      if (!data.categories) return null;
      return { animation: false, tooltip: tooltip(), grid: { containLabel: true },
        xAxis: { type: 'category', data: data.categories, axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value' }, series: [{ type: 'bar', data: data.values }] };
    },
    comparison: function (data) {
      if (!data.series || data.series.length === 0) return null;
      return { animation: false, legend: { bottom: 0 }, tooltip: tooltip(), grid: { containLabel: true, bottom: 60 },
        xAxis: { type: 'category', data: data.domains, axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value', min: 0, max: 4 }, series: data.series };
    },
    radar: function (data) {
      if (!data.indicators || data.indicators.length === 0) return null;
      // Room around the radar for labels of up to three lines, which the page breaks between words.
      return { animation: false, legend: { bottom: 0, type: 'scroll' }, tooltip: tooltip(),
        radar: { indicator: data.indicators, radius: '52%', center: ['50%', '46%'],
                 axisName: { fontSize: 11, lineHeight: 13, color: '#333' } },
        series: [{ type: 'radar', data: data.series }] };
    },
    threshold: function (data, element) {
      // An early-warning alert: weekly counts as bars and the detector's upper bound as a line; the series names
      // come from data-label-* attributes and are drawn on the canvas as text.
      if (!data.weeks) return null;
      var observed = element.getAttribute('data-label-observed') || '';
      var threshold = element.getAttribute('data-label-threshold') || '';
      return { animation: false, legend: { bottom: 0 }, tooltip: tooltip({ trigger: 'axis' }),
        grid: { containLabel: true, bottom: 40 },
        xAxis: { type: 'category', data: data.weeks }, yAxis: { type: 'value', minInterval: 1 },
        series: [{ name: observed, type: 'bar', data: data.observed, itemStyle: { color: '#8aa1b4' } },
                 { name: threshold, type: 'line', step: 'middle', data: data.threshold, connectNulls: false,
                   itemStyle: { color: '#b3261e' } }] };
    },
    shares: function (data) {
      // Trends for planning: the share of new clients in each category, one line per category; category names
      // are data, drawn on the canvas as text.
      if (!data.series || data.series.length === 0) return null;
      return { animation: false, legend: { bottom: 0, type: 'scroll' }, tooltip: tooltip({ trigger: 'axis' }),
        grid: { containLabel: true, bottom: 40 }, xAxis: { type: 'category', data: data.quarters },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
        series: data.series.map(function (s) {
          return { name: s.name, type: 'line', data: s.values, connectNulls: false };
        }) };
    },
    prices: function (data, element) {
      // Price per unit per quarter: the median as a line between the quartiles; hidden quarters are gaps.
      if (!data.quarters) return null;
      function label(name) { return element.getAttribute('data-label-' + name) || ''; }
      return { animation: false, legend: { bottom: 0 }, tooltip: tooltip({ trigger: 'axis' }),
        grid: { containLabel: true, bottom: 40 }, xAxis: { type: 'category', data: data.quarters },
        yAxis: { type: 'value' },
        series: [{ name: label('lower'), type: 'line', data: data.lower, lineStyle: { type: 'dashed' }, connectNulls: false },
                 { name: label('median'), type: 'line', data: data.median, connectNulls: false, itemStyle: { color: '#0b6e4f' } },
                 { name: label('upper'), type: 'line', data: data.upper, lineStyle: { type: 'dashed' }, connectNulls: false }] };
    },
    forecast: function (data, element) {
      // Commodity needs: quarterly totals so far as bars, next quarter as a box (80 % interval) with whiskers (95 %).
      if (!data.quarters) return null;
      var categories = data.quarters.concat([data.forecastQuarter]);
      var box = categories.map(function (q, i) { return i === categories.length - 1 && data.forecast ? data.forecast : '-'; });
      return { animation: false, legend: { bottom: 0 }, tooltip: tooltip({ trigger: 'item' }),
        grid: { containLabel: true, bottom: 40 }, xAxis: { type: 'category', data: categories },
        yAxis: { type: 'value', min: 0 },
        series: [{ name: element.getAttribute('data-label-history') || '', type: 'bar', data: data.totals,
                   itemStyle: { color: '#8aa1b4' } },
                 { name: element.getAttribute('data-label-forecast') || '', type: 'boxplot', data: box,
                   itemStyle: { color: 'rgba(11,110,79,0.25)', borderColor: '#0b6e4f' } }] };
    },
    progress: function (data) {
      return { animation: false, tooltip: tooltip(), grid: { containLabel: true },
        xAxis: { type: 'category', data: data.labels }, yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: data.values.map(function (v, i) {
          return { value: v, itemStyle: { color: PROGRESS_COLOURS[i] } };
        }) }] };
    }
  };

  function draw(element) {
    var kind = KINDS[element.getAttribute('data-chart-kind')];
    if (!kind) return;
    var option = kind(JSON.parse(element.getAttribute('data-chart')), element);
    if (option) {
      window.echarts.init(element).setOption(option);
      element.setAttribute('data-rendered', 'true');
    }
  }

  function drawAll() {
    if (!window.echarts) return;
    Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
