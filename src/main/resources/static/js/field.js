/*
 * Reach's offline field app. Everything it keeps lives in IndexedDB encrypted with AES-GCM under a key derived from
 * the peer's PIN (PBKDF2, SHA-256, 600 000 rounds); the key lives in memory only while the app is open and unlocked.
 * Records are queued with a uuid made here and the form and catalogue version they were made with, and sent to the
 * server's uuid endpoints when a connection returns or on "send now". Five wrong PINs, or a server answer that the
 * device was revoked, delete the local database. Quick exit (the button, or Escape) clears the screen and locks.
 * Text from the server or the peer is put into the page as text, never as HTML.
 */
(function () {
  'use strict';

  var DB_NAME = 'reach-field';
  var ROUNDS = 600000;
  var MAX_TRIES = 5;
  var CHECK = 'reach-field-check';

  var body = document.body;
  var formVersion = body.getAttribute('data-form-version');
  var language = body.getAttribute('data-lang') || 'en';
  var key = null;           // the AES-GCM key while unlocked
  var data = {};            // the delta download, decrypted, while unlocked
  var syncing = false;
  var enc = new TextEncoder();
  var dec = new TextDecoder();

  // ---- messages and screens

  function msg(name) {
    var args = Array.prototype.slice.call(arguments, 1);
    var item = document.querySelector('#field-messages [data-key="' + name + '"]');
    var text = item ? item.textContent : name;
    return text.replace(/\{(\d)\}/g, function (m, i) { return String(args[Number(i)]); });
  }

  function show(id) {
    var screens = document.querySelectorAll('.screen');
    for (var i = 0; i < screens.length; i++) {
      screens[i].hidden = screens[i].id !== id;
    }
    var loading = document.getElementById('field-loading');
    if (loading) { loading.hidden = true; }
    window.scrollTo(0, 0);
  }

  function setText(id, text) {
    var el = document.getElementById(id);
    if (el) { el.textContent = text; }
  }

  // ---- IndexedDB

  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () {
        var db = request.result;
        db.createObjectStore('meta', { keyPath: 'name' });
        db.createObjectStore('records', { keyPath: 'uuid' });
        db.createObjectStore('data', { keyPath: 'key' });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function tx(store, mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(store, mode);
        var result = work(t.objectStore(store));
        t.oncomplete = function () { db.close(); resolve(result && 'result' in result ? result.result : undefined); };
        t.onerror = function () { db.close(); reject(t.error); };
      });
    });
  }

  function get(store, id) { return tx(store, 'readonly', function (s) { return s.get(id); }); }
  function put(store, value) { return tx(store, 'readwrite', function (s) { s.put(value); }); }
  function all(store) { return tx(store, 'readonly', function (s) { return s.getAll(); }); }
  function remove(store, id) { return tx(store, 'readwrite', function (s) { s.delete(id); }); }

  function wipe(reason) {
    key = null;
    data = {};
    clearScreen();
    return new Promise(function (resolve) {
      var request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = request.onerror = request.onblocked = function () { resolve(); };
    }).then(function () {
      setText('wiped-reason', msg(reason === 'revoked' ? 'wipedRevoked' : 'wipedPins'));
      show('screen-wiped');
      body.setAttribute('data-wiped', reason);
    });
  }

  // ---- Web Crypto

  function bytes(n) { return crypto.getRandomValues(new Uint8Array(n)); }
  function b64(buffer) { return btoa(String.fromCharCode.apply(null, new Uint8Array(buffer))); }
  function unb64(text) { return Uint8Array.from(atob(text), function (c) { return c.charCodeAt(0); }); }

  function deriveKey(pin, salt, rounds) {
    return crypto.subtle.importKey('raw', enc.encode(pin), 'PBKDF2', false, ['deriveKey']).then(function (base) {
      return crypto.subtle.deriveKey({ name: 'PBKDF2', salt: salt, iterations: rounds, hash: 'SHA-256' }, base,
        { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    });
  }

  function seal(value, withKey) {
    var iv = bytes(12);
    return crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv }, withKey || key, enc.encode(JSON.stringify(value)))
      .then(function (ct) { return { iv: b64(iv), ct: b64(ct) }; });
  }

  function open(box, withKey) {
    return crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(box.iv) }, withKey || key, unb64(box.ct))
      .then(function (plain) { return JSON.parse(dec.decode(plain)); });
  }

  // ---- enrolment and PIN

  function csrf() {
    var meta = document.querySelector('meta[name="reach-csrf"]');
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json', 'Accept-Language': language };
    if (meta) { headers[meta.getAttribute('data-header')] = meta.getAttribute('content'); }
    return headers;
  }

  function enrol(event) {
    event.preventDefault();
    var label = document.getElementById('enrol-label').value.trim();
    var pin = document.getElementById('enrol-pin').value;
    var again = document.getElementById('enrol-pin2').value;
    if (!/^\d{6,12}$/.test(pin)) { setText('enrol-error', msg('pinShort')); return; }
    if (pin !== again) { setText('enrol-error', msg('pinMismatch')); return; }
    setText('enrol-error', '');
    fetch('/field/devices', { method: 'POST', credentials: 'same-origin', headers: csrf(),
      body: JSON.stringify({ label: label }), redirect: 'manual' })
      .then(function (response) {
        if (!response.ok) { throw new Error('enrol ' + response.status); }
        return response.json();
      })
      .then(function (device) {
        var salt = bytes(16);
        return deriveKey(pin, salt, ROUNDS).then(function (k) {
          key = k;
          return Promise.all([seal(CHECK), seal(device.token)]);
        }).then(function (boxes) {
          return put('meta', { name: 'lock', salt: b64(salt), rounds: ROUNDS, check: boxes[0], tries: 0,
            deviceId: device.deviceId }).then(function () { return put('meta', { name: 'token', box: boxes[1] }); });
        });
      })
      .then(function () {
        document.getElementById('enrol-form').reset();
        return unlocked();
      })
      .catch(function () { setText('enrol-error', msg('enrolFailed')); });
  }

  function unlock(event) {
    event.preventDefault();
    var field = document.getElementById('unlock-pin');
    var pin = field.value;
    field.value = '';
    get('meta', 'lock').then(function (lock) {
      if (!lock) { return start(); }
      return deriveKey(pin, unb64(lock.salt), lock.rounds).then(function (k) {
        return open(lock.check, k).then(function (check) {
          if (check !== CHECK) { throw new Error('check'); }
          key = k;
          lock.tries = 0;
          return put('meta', lock).then(unlocked);
        });
      }).catch(function () {
        lock.tries = (lock.tries || 0) + 1;
        if (lock.tries >= MAX_TRIES) { return wipe('pins'); }
        return put('meta', lock).then(function () { setText('unlock-error', msg('pinWrong', MAX_TRIES - lock.tries)); });
      });
    });
  }

  function unlocked() {
    setText('unlock-error', '');
    return loadData().then(function () {
      renderHome();
      show('screen-home');
      if (navigator.onLine) { sync(); }
    });
  }

  // ---- quick exit: nothing of the peer's work stays on the screen, and the app needs the PIN again

  function clearScreen() {
    key = null;
    data = {};
    var forms = document.querySelectorAll('form');
    for (var i = 0; i < forms.length; i++) {
      forms[i].reset();
      delete forms[i].dataset.uuid;
    }
    ['queue', 'caseload', 'caseload-codes', 'e-services'].forEach(function (id) {
      var el = document.getElementById(id);
      if (el) { el.replaceChildren(); }
    });
    var errors = document.querySelectorAll('.error');
    for (var j = 0; j < errors.length; j++) { errors[j].textContent = ''; }
  }

  function quickExit() {
    clearScreen();
    get('meta', 'lock').then(function (lock) { show(lock ? 'screen-unlock' : 'screen-enrol'); });
    show('screen-unlock');
  }

  // ---- the delta download, kept encrypted

  function loadData() {
    return all('data').then(function (rows) {
      return Promise.all(rows.map(function (row) {
        return open(row.box).then(function (item) { return [row.key, item]; });
      }));
    }).then(function (pairs) {
      data = {};
      pairs.forEach(function (p) { data[p[0]] = p[1]; });
    });
  }

  function items(kind) {
    return Object.keys(data).filter(function (k) { return data[k].kind === kind; }).sort()
      .map(function (k) { return data[k].data; });
  }

  function catalogueVersion() {
    return data.catalogue ? data.catalogue.data.version : null;
  }

  /** The version of the drug-report lists a report was made with; the server accepts every substance id it gave. */
  function drugListsVersion() {
    return data.drugcodes ? data.drugcodes.data.version : null;
  }

  function download(token) {
    return get('meta', 'cursor').then(function (saved) {
      return saved ? open(saved.box) : null;
    }).then(function loop(cursor) {
      var url = '/api/field/delta?size=200' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
      return api(token, 'GET', url).then(function (response) {
        if (!response.ok) { return null; }
        return response.json().then(function (page) {
          return Promise.all(page.items.map(function (item) {
            if (item.data === null) { delete data[item.key]; return remove('data', item.key); }
            data[item.key] = item;
            return seal(item).then(function (box) { return put('data', { key: item.key, box: box }); });
          })).then(function () { return seal(page.cursor); })
            .then(function (box) { return put('meta', { name: 'cursor', box: box }); })
            .then(function () { return page.more ? loop(page.cursor) : null; });
        });
      });
    }).then(renderHome);
  }

  // ---- home: the queue and the caseload

  function option(value, text) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    return o;
  }

  function renderHome() {
    var sites = items('site');
    var siteSelects = document.querySelectorAll('.site-select');
    for (var i = 0; i < siteSelects.length; i++) {
      var keep = siteSelects[i].value;
      siteSelects[i].replaceChildren.apply(siteSelects[i], sites.map(function (s) { return option(s.id, s.name); }));
      if (keep) { siteSelects[i].value = keep; }
    }
    var hotspots = document.querySelectorAll('.hotspot-select');
    for (var h = 0; h < hotspots.length; h++) {
      fill(hotspots[h], [option('', '–')].concat(items('hotspot').map(function (spot) {
        return option(spot.id, spot.name);
      })));
    }
    renderDrugLists();
    var clients = items('client');
    var codes = document.getElementById('caseload-codes');
    codes.replaceChildren.apply(codes, clients.map(function (c) { return option(c.code, c.code); }));
    var caseload = document.getElementById('caseload');
    caseload.replaceChildren.apply(caseload, clients.map(function (c) {
      var li = document.createElement('li');
      li.textContent = c.code + (c.dueSince ? ' · ' + msg('dueSince', c.dueSince) : '');
      return li;
    }));
    renderServices();
    var select = document.getElementById('s-known-service');
    var keep = select.value;
    select.replaceChildren.apply(select, activeServices().map(function (s) {
      return option(s.code, s.name || msg('service.' + s.code));
    }));
    select.value = keep || 'PEER_SUPPORT';
    return renderQueue();
  }

  /** Replaces a select's options and keeps the chosen value when it is still offered. */
  function fill(select, options) {
    var keep = select.value;
    select.replaceChildren.apply(select, options);
    if (keep) { select.value = keep; }
  }

  /** The drug-report form's substances and codes, from the delta download; labels from the page, else the code. */
  function renderDrugLists() {
    var soldAs = document.getElementById('d-sold-as');
    if (!soldAs) { return; }
    fill(soldAs, items('substance').sort(function (a, b) { return a.name < b.name ? -1 : 1; })
      .map(function (s) { return option(s.id, s.name); }));
    var codes = data.drugcodes ? data.drugcodes.data : {};
    var selects = document.querySelectorAll('.code-select');
    for (var i = 0; i < selects.length; i++) {
      var select = selects[i];
      var label = select.getAttribute('data-label');
      var offered = (codes[select.getAttribute('data-codes')] || []).map(function (code) {
        return option(code, msg(label + '.' + code));
      });
      fill(select, select.getAttribute('data-optional') ? [option('', '–')].concat(offered) : offered);
    }
  }

  function activeServices() {
    return items('service').filter(function (s) { return s.active; })
      .sort(function (a, b) { return a.sortOrder - b.sortOrder; });
  }

  function renderServices() {
    var list = document.getElementById('e-services');
    var services = activeServices().filter(function (s) { return s.code !== 'ART_REFERRAL'; });
    list.replaceChildren.apply(list, services.map(function (s) {
      var row = document.createElement('label');
      row.className = 'check';
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.value = s.code;
      box.className = 'service';
      box.id = 'svc-' + s.code;
      var name = document.createElement('span');
      name.textContent = s.name || msg('service.' + s.code);
      row.append(box, name);
      if (s.unit === 'COUNT') {
        var qty = document.createElement('input');
        qty.type = 'number';
        qty.min = '1';
        qty.max = '10000';
        qty.className = 'quantity';
        qty.id = 'qty-' + s.code;
        qty.setAttribute('aria-label', name.textContent);
        row.append(qty);
      }
      return row;
    }));
  }

  function renderQueue() {
    return all('records').then(function (rows) {
      rows.sort(function (a, b) { return a.createdAt < b.createdAt ? 1 : -1; });
      return Promise.all(rows.map(function (row) {
        return open(row.box).then(function (content) { return { row: row, content: content }; });
      }));
    }).then(function (entries) {
      var list = document.getElementById('queue');
      list.replaceChildren.apply(list, entries.map(function (e) {
        var li = document.createElement('li');
        li.className = 'record status-' + e.row.status.toLowerCase();
        li.setAttribute('data-uuid', e.row.uuid);
        li.setAttribute('data-status', e.row.status);
        li.setAttribute('data-kind', e.row.kind);
        var title = document.createElement('strong');
        title.textContent = msg(e.row.kind) + ' · ' + (e.content.summary || '');
        var status = document.createElement('span');
        status.className = 'record-status';
        status.textContent = ' — ' + msg(e.row.status);
        li.append(title, status);
        (e.content.reasons || []).forEach(function (reason) {
          var p = document.createElement('p');
          p.className = 'error';
          p.textContent = reason;
          li.append(p);
        });
        if (e.row.status === 'REJECTED') {
          var edit = document.createElement('button');
          edit.type = 'button';
          edit.className = 'secondary edit';
          edit.textContent = msg('edit');
          edit.addEventListener('click', function () { editRecord(e.row, e.content); });
          li.append(edit);
        }
        return li;
      }));
    });
  }

  // ---- forms

  function today() {
    var d = new Date();
    return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  }

  function openForm(id) {
    var form = document.getElementById(id);
    form.reset();
    delete form.dataset.uuid;
    form.querySelector('.record-error').textContent = '';
    var dates = form.querySelectorAll('input[type="date"]');
    for (var i = 0; i < dates.length; i++) { dates[i].value = today(); }
    var when = form.querySelector('input[type="datetime-local"]');
    if (when) { when.value = today() + 'T' + new Date().toTimeString().slice(0, 5); }
    if (id === 'form-session') { sessionSiteChosen(); }
    show(id);
  }

  /** The setting a session at a site of this type usually is (as the server assumes when none is sent). */
  function usualSetting(siteType) {
    return { DROP_IN_CENTRE: 'DROP_IN', SAFE_SPACE: 'SAFE_SPACE', PRISON_OUTREACH_POINT: 'PRISON_OUTREACH' }[siteType]
      || 'HOTSPOT_OUTREACH';
  }

  function sessionSiteChosen() {
    var chosen = document.getElementById('s-site').value;
    var site = items('site').filter(function (s) { return String(s.id) === chosen; })[0];
    document.getElementById('s-setting').value = usualSetting(site && site.type);
    sessionSettingChosen();
  }

  /** Only outreach at a hotspot has a hotspot; elsewhere the people counted are those who came. */
  function sessionSettingChosen() {
    var atHotspot = document.getElementById('s-setting').value === 'HOTSPOT_OUTREACH';
    document.getElementById('s-hotspot-field').hidden = !atHotspot;
    if (!atHotspot) { document.getElementById('s-hotspot').value = ''; }
    var legend = document.getElementById('s-anonymous-legend');
    legend.textContent = atHotspot ? legend.getAttribute('data-contacts') : legend.getAttribute('data-attendance');
  }

  function number(form, name) {
    var field = form.elements[name];
    return field && field.value !== '' ? Number(field.value) : null;
  }

  function value(form, name) {
    var field = form.elements[name];
    return field && field.value.trim() !== '' ? field.value.trim() : null;
  }

  /** Reads a form into what its endpoint takes, plus the form's own values so that a refused record can be edited. */
  function build(form, uuid) {
    var kind = form.getAttribute('data-kind');
    var values = {};
    var fields = form.querySelectorAll('input, select, textarea');
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      if (f.id) { values[f.id] = f.type === 'checkbox' ? f.checked : f.value; }
    }
    var payload;
    var summary;
    if (kind === 'OUTREACH_SESSION') {
      var contacts = [];
      var counts = form.querySelectorAll('.count');
      var anonymous = 0;
      for (var c = 0; c < counts.length; c++) {
        if (counts[c].value !== '' && Number(counts[c].value) > 0) {
          contacts.push({ sex: counts[c].getAttribute('data-sex'), ageBand: counts[c].getAttribute('data-band'),
            people: Number(counts[c].value) });
          anonymous += Number(counts[c].value);
        }
      }
      var codes = (value(form, 'knownClients') || '').split(/[\n,]+/).map(function (s) { return s.trim(); })
        .filter(function (s) { return s.length > 0; });
      payload = { uuid: uuid, siteId: number(form, 'siteId'), hotspotId: number(form, 'hotspotId'),
        setting: value(form, 'setting'), date: value(form, 'date'), start: value(form, 'start'), end: value(form, 'end'), peerIds: [],
        contacts: contacts, knownClients: codes.map(function (code) {
          return { clientCode: code, services: value(form, 'knownService') === null ? [] : [{
            code: value(form, 'knownService'), quantity: number(form, 'knownQuantity') || 1 }] };
        }),
        needlesSyringes: number(form, 'needlesSyringes'), condoms: number(form, 'condoms'),
        naloxone: number(form, 'naloxone'), referrals: number(form, 'referrals'), formVersion: formVersion };
      summary = payload.date + ' · ' + msg('anonymous', anonymous) + (codes.length ? ' · ' + codes.length + ' +' : '');
    } else if (kind === 'ENCOUNTER') {
      var services = [];
      var boxes = form.querySelectorAll('input.service');
      for (var s = 0; s < boxes.length; s++) {
        if (boxes[s].checked) {
          var qty = document.getElementById('qty-' + boxes[s].value);
          services.push({ code: boxes[s].value, quantity: qty && qty.value !== '' ? Number(qty.value) : 1 });
        }
      }
      if (document.getElementById('e-referral').checked) { services.push({ code: 'ART_REFERRAL', quantity: 1 }); }
      var code = value(form, 'clientUic');
      payload = { uuid: uuid, date: value(form, 'date'), siteId: number(form, 'siteId'), clientUic: code,
        anonymous: code === null, services: services };
      summary = payload.date + (code ? ' · ' + code : '');
    } else if (kind === 'DRUG_REPORT') {
      // told by a peer; the effect is a code only, so the report carries no free text that could name someone
      payload = { uuid: uuid, reportedOn: value(form, 'reportedOn'), siteId: number(form, 'siteId'),
        hotspotId: number(form, 'hotspotId'), soldAsId: number(form, 'soldAsId'), form: value(form, 'form'),
        route: value(form, 'route'), pricePerUnit: number(form, 'pricePerUnit'), effect: value(form, 'effect'),
        source: 'PEER' };
      var soldAs = form.elements.soldAsId;
      summary = payload.reportedOn + (soldAs.selectedIndex >= 0 ? ' · ' + soldAs.options[soldAs.selectedIndex].text : '');
    } else if (kind === 'REFERRAL') {
      payload = { uuid: uuid, clientUic: value(form, 'clientUic'), providerType: value(form, 'providerType'),
        providerName: value(form, 'providerName'), madeOn: value(form, 'madeOn') };
      summary = payload.madeOn + ' · ' + payload.clientUic + ' → ' + (payload.providerName || '');
    } else {
      var client = value(form, 'clientCode');
      payload = { uuid: uuid, occurredAt: value(form, 'occurredAt'), siteId: number(form, 'siteId'),
        clientCode: client, naloxoneDoses: number(form, 'naloxoneDoses'), outcome: value(form, 'outcome') };
      // who gave it is asked only when a dose was given: the server refuses givers without doses and doses without one
      payload.naloxoneGivers = payload.naloxoneDoses > 0 && value(form, 'naloxoneGiver') ? [value(form, 'naloxoneGiver')] : [];
      summary = (payload.occurredAt || '').replace('T', ' ') + (client ? ' · ' + client : '');
    }
    return { kind: kind, payload: payload, values: values, summary: summary, formVersion: formVersion,
      catalogueVersion: catalogueVersion(), drugListsVersion: kind === 'DRUG_REPORT' ? drugListsVersion() : undefined };
  }

  function keep(event) {
    event.preventDefault();
    var form = event.target;
    if (!form.checkValidity()) {
      form.querySelector('.record-error').textContent = msg('required');
      return;
    }
    var uuid = form.dataset.uuid || crypto.randomUUID();
    var record = build(form, uuid);
    seal(record).then(function (box) {
      return put('records', { uuid: uuid, kind: record.kind, status: 'QUEUED', createdAt: new Date().toISOString(),
        box: box });
    }).then(function () {
      form.reset();
      delete form.dataset.uuid;
      return renderQueue();
    }).then(function () {
      show('screen-home');
      if (navigator.onLine) { sync(); }
    });
  }

  function editRecord(row, content) {
    var id = { OUTREACH_SESSION: 'form-session', ENCOUNTER: 'form-encounter', OVERDOSE: 'form-overdose',
      DRUG_REPORT: 'form-drug-report', REFERRAL: 'form-referral' }[row.kind];
    var form = document.getElementById(id);
    form.reset();
    Object.keys(content.values || {}).forEach(function (fieldId) {
      var field = document.getElementById(fieldId);
      if (!field) { return; }
      if (field.type === 'checkbox') { field.checked = content.values[fieldId]; } else { field.value = content.values[fieldId]; }
    });
    if (id === 'form-session') { sessionSettingChosen(); }
    form.dataset.uuid = row.uuid;
    form.querySelector('.record-error').textContent = (content.reasons || []).join(' ');
    show(id);
  }

  // ---- sending

  function token() {
    return get('meta', 'token').then(function (t) { return t ? open(t.box) : null; });
  }

  function api(bearer, method, url, payload) {
    return fetch(url, { method: method, credentials: 'omit', cache: 'no-store',
      headers: { 'Authorization': 'Bearer ' + bearer, 'Content-Type': 'application/json',
        'Accept': 'application/json', 'Accept-Language': language },
      body: payload === undefined ? undefined : JSON.stringify(payload) })
      .then(function (response) {
        if (response.status === 401) {
          return response.clone().json().catch(function () { return {}; }).then(function (problem) {
            if (String(problem.type || '').endsWith(':device-revoked')) {
              return wipe('revoked').then(function () { throw new Error('revoked'); });
            }
            setText('sync-status', msg('signIn'));
            throw new Error('unauthorised');
          });
        }
        return response;
      });
  }

  var ENDPOINTS = {
    OUTREACH_SESSION: { one: '/api/outreach/sessions', batch: '/api/outreach/sessions/batch', list: 'sessions' },
    ENCOUNTER: { one: '/api/encounters', batch: '/api/encounters/batch', list: 'encounters' },
    OVERDOSE: { one: '/api/safety/overdoses' },
    DRUG_REPORT: { one: '/api/earlywarning/reports' },
    REFERRAL: { one: '/api/referrals' }
  };

  function mark(entry, status, reasons) {
    entry.content.reasons = reasons || [];
    return seal(entry.content).then(function (box) {
      return put('records', { uuid: entry.row.uuid, kind: entry.row.kind, status: status,
        createdAt: entry.row.createdAt, box: box });
    });
  }

  function reasonsOf(problem) {
    if (problem && Array.isArray(problem.errors) && problem.errors.length) {
      return problem.errors.map(function (e) { return e.reason || e.code; });
    }
    return [problem && problem.detail ? problem.detail : '?'];
  }

  /** One record through its uuid endpoint: 201 or 200 sent, 409 kept as a conflict, 400 refused with reasons. */
  function sendOne(bearer, entry) {
    return api(bearer, 'POST', ENDPOINTS[entry.row.kind].one, entry.content.payload).then(function (response) {
      if (response.status === 200 || response.status === 201) { return mark(entry, 'SENT'); }
      return response.json().catch(function () { return {}; }).then(function (problem) {
        if (response.status === 409) {
          var fields = (problem.errors || []).map(function (e) { return e.field; })
            .filter(function (f) { return /^[A-Za-z0-9_.\[\]]{1,60}$/.test(f); });
          var payload = entry.content.payload;
          return api(bearer, 'POST', '/api/field/conflicts', { kind: entry.row.kind, uuid: entry.row.uuid,
            formVersion: entry.content.formVersion, siteId: payload.siteId || null, record: payload,
            differences: fields }).then(function (kept) {
            return kept.ok ? mark(entry, 'CONFLICT', reasonsOf(problem)) : null;
          });
        }
        if (response.status >= 400 && response.status < 500) { return mark(entry, 'REJECTED', reasonsOf(problem)); }
        return null; // the server is unwell: try again later
      });
    });
  }

  /** A kind's queued records in one batch (all or none); if the batch is refused, one by one to find which. */
  function sendKind(bearer, kind, entries) {
    if (!entries.length) { return Promise.resolve(); }
    var endpoint = ENDPOINTS[kind];
    var first = endpoint.batch
      ? api(bearer, 'POST', endpoint.batch, (function () {
        var batch = {};
        batch[endpoint.list] = entries.map(function (e) { return e.content.payload; });
        return batch;
      })()).then(function (response) { return response.ok; })
      : Promise.resolve(false);
    return first.then(function (allStored) {
      if (allStored) {
        return Promise.all(entries.map(function (e) { return mark(e, 'SENT'); }));
      }
      return entries.reduce(function (chain, e) {
        return chain.then(function () { return sendOne(bearer, e); });
      }, Promise.resolve());
    });
  }

  function sync() {
    if (!key || syncing) { return Promise.resolve(); }
    syncing = true;
    setText('sync-status', msg('sending'));
    var bearer;
    return token().then(function (t) {
      bearer = t;
      return all('records');
    }).then(function (rows) {
      var waiting = rows.filter(function (r) { return r.status === 'QUEUED'; });
      return Promise.all(waiting.map(function (row) {
        return open(row.box).then(function (content) { return { row: row, content: content }; });
      }));
    }).then(function (entries) {
      return ['OUTREACH_SESSION', 'ENCOUNTER', 'OVERDOSE', 'DRUG_REPORT', 'REFERRAL'].reduce(function (chain, kind) {
        return chain.then(function () {
          return sendKind(bearer, kind, entries.filter(function (e) { return e.row.kind === kind; }));
        });
      }, Promise.resolve());
    }).then(function () {
      return download(bearer);
    }).then(function () {
      return all('records');
    }).then(function (rows) {
      var sent = rows.filter(function (r) { return r.status === 'SENT'; }).length;
      var waiting = rows.filter(function (r) { return r.status === 'QUEUED'; }).length;
      setText('sync-status', msg('sentCount', sent, waiting));
      body.setAttribute('data-synced', new Date().toISOString());
    }).catch(function () {
      if (key) { setText('sync-status', msg('offline')); }
    }).then(function () {
      syncing = false;
      if (key) { return renderQueue(); }
    });
  }

  // ---- start

  function online() {
    setText('field-online', msg(navigator.onLine ? 'online' : 'offline'));
  }

  function start() {
    return get('meta', 'lock').then(function (lock) {
      show(lock ? 'screen-unlock' : 'screen-enrol');
      body.setAttribute('data-ready', 'true');
    });
  }

  function init() {
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/field/sw.js', { scope: '/field' }).catch(function () { /* works online */ });
    }
    document.getElementById('enrol-form').addEventListener('submit', enrol);
    document.getElementById('unlock-form').addEventListener('submit', unlock);
    document.getElementById('quick-exit').addEventListener('click', quickExit);
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { quickExit(); } });
    document.getElementById('send-now').addEventListener('click', function () { sync(); });
    var starters = document.querySelectorAll('[data-form]');
    for (var i = 0; i < starters.length; i++) {
      starters[i].addEventListener('click', function (e) { openForm(e.target.getAttribute('data-form')); });
    }
    var forms = document.querySelectorAll('.record-form');
    for (var j = 0; j < forms.length; j++) {
      forms[j].addEventListener('submit', keep);
      forms[j].querySelector('.cancel').addEventListener('click', function () { show('screen-home'); });
    }
    document.getElementById('s-site').addEventListener('change', sessionSiteChosen);
    document.getElementById('s-setting').addEventListener('change', sessionSettingChosen);
    window.addEventListener('online', function () { online(); sync(); });
    window.addEventListener('offline', online);
    window.addEventListener('pagehide', clearScreen);
    online();
    start();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
