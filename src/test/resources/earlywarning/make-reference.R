# Builds the reference cases the Java detectors are checked against (DetectorsMatchRTest).
# Run from the repository root with R's surveillance package 1.20.3 (Debian r-cran-surveillance):
#   Rscript src/test/resources/earlywarning/make-reference.R
# For every case it writes <case>.csv: week, observed, then upperbound and alarm of each detector
# (NA where R gives NA), and controls.csv with the parameters used. Series are weekly, freq 52,
# weeks numbered 1..n (epochAsDate FALSE).
suppressMessages(library(surveillance))
stopifnot(as.character(packageVersion("surveillance")) == "1.20.3")
out <- "src/test/resources/earlywarning"
set.seed(20261205)
n <- 52 * 4 + 20
wk <- seq_len(n)
season <- function(base, amp) base * exp(amp * sin(2 * pi * wk / 52))

cases <- list()
# seasonal counts with an outbreak in the last weeks
x <- rpois(n, season(8, 0.5)); x[(n - 8):(n - 5)] <- x[(n - 8):(n - 5)] + c(10, 18, 25, 14)
cases$seasonal_outbreak <- x
# all-zero baseline, then cases appear
x <- rep(0, n); x[(n - 6):n] <- c(0, 1, 6, 0, 7, 9, 3)
cases$all_zero_baseline <- x
# the shortest series farringtonFlexible accepts with b = 3, w = 3: 52 * 3 + 3 + 1 weeks, plus a few
cases$short <- rpois(52 * 3 + 3 + 6, 4)
# low counts: most weeks fail the limit54 rule (fewer than 5 cases in 4 weeks)
x <- rbinom(n, 1, 0.15); x[(n - 3):n] <- c(0, 2, 1, 3)
cases$low_counts <- x
# a rising trend
cases$trend <- rpois(n, exp(1 + 0.008 * wk))
# overdispersed counts (negative binomial) with a spike
x <- rnbinom(n, mu = season(12, 0.3), size = 1.5); x[n - 2] <- x[n - 2] + 60
cases$overdispersed <- x
# a long series with a slowly falling trend and seasonality
cases$long_falling <- rpois(52 * 6, exp(3 - 0.004 * seq_len(52 * 6)) * exp(0.4 * cos(2 * pi * seq_len(52 * 6) / 52)))

controls <- data.frame(detector = c("C1", "C2", "C3", "farrington", "farrington10"),
  baseline = c(7, 7, 7, NA, NA), alpha = c(0.001, 0.001, 0.001, 0.05, 0.05), minSigma = c(0, 0, 0, NA, NA),
  b = c(NA, NA, NA, 3, 3), w = c(NA, NA, NA, 3, 3), noPeriods = c(NA, NA, NA, 1, 10),
  weightsThreshold = c(NA, NA, NA, 2.58, 2.58), pThresholdTrend = c(NA, NA, NA, 0.05, 0.05),
  limit54 = c(NA, NA, NA, "5;4", "5;4"), powertrans = c(NA, NA, NA, "2/3", "2/3"))
write.csv(controls, file.path(out, "controls.csv"), row.names = FALSE, na = "NA", quote = FALSE)

# the result holds the weeks of the range, which always ends with the last week
column <- function(s, n) { ub <- rep(NA_real_, n); al <- rep(NA, n); idx <- (n - nrow(s) + 1):n
  ub[idx] <- upperbound(s)[, 1]; al[idx] <- alarms(s)[, 1]; list(ub = ub, al = al) }

for (name in names(cases)) {
  y <- cases[[name]]; len <- length(y)
  s <- sts(observed = y, frequency = 52, start = c(2000, 1))
  res <- data.frame(week = seq_len(len), observed = y)
  for (m in c("C1", "C2", "C3")) {
    r <- earsC(s, control = list(method = m, baseline = 7, alpha = 0.001, minSigma = 0))
    col <- column(r, len)
    res[[paste0(m, "_upperbound")]] <- col$ub; res[[paste0(m, "_alarm")]] <- col$al
  }
  for (p in c(1, 10)) {
    r <- suppressWarnings(farringtonFlexible(s, control = list(b = 3, w = 3, noPeriods = p, alpha = 0.05,
      reweight = TRUE, weightsThreshold = 2.58, trend = TRUE, pThresholdTrend = 0.05, limit54 = c(5, 4),
      powertrans = "2/3", populationOffset = FALSE, thresholdMethod = "delta")))
    col <- column(r, len)
    key <- if (p == 1) "farrington" else "farrington10"
    res[[paste0(key, "_upperbound")]] <- col$ub; res[[paste0(key, "_alarm")]] <- col$al
  }
  res[] <- lapply(res, function(v) if (is.numeric(v)) format(v, digits = 17, trim = TRUE) else v)
  write.csv(res, file.path(out, paste0(name, ".csv")), row.names = FALSE, na = "NA", quote = FALSE)
}
