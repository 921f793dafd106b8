# Runs EARS C1-C3 and farringtonFlexible of R's surveillance 1.20.3 on every column of a CSV of weekly counts,
# with the controls of src/test/resources/earlywarning/make-reference.R, and writes each detector's upper bounds
# and alarms (week x site, NA outside the range) and the CPU seconds the four took (loading excluded).
# Usage: Rscript bench/detectors.R series.csv outdir
suppressMessages(library(surveillance))
args <- commandArgs(trailingOnly = TRUE)
counts <- as.matrix(read.csv(args[1]))
out <- args[2]
dir.create(out, showWarnings = FALSE)
s <- sts(observed = counts, frequency = 52, start = c(2000, 1))
n <- nrow(counts)
full <- function(r) { m <- matrix(NA_real_, n, ncol(counts)); a <- matrix(NA, n, ncol(counts))
  idx <- (n - nrow(r) + 1):n; m[idx, ] <- upperbound(r); a[idx, ] <- alarms(r); list(ub = m, al = a) }
results <- list()
times <- system.time({
  for (m in c("C1", "C2", "C3")) {
    results[[m]] <- full(earsC(s, control = list(method = m, baseline = 7, alpha = 0.001, minSigma = 0)))
  }
  results[["farrington"]] <- full(suppressWarnings(farringtonFlexible(s, control = list(b = 3, w = 3,
    noPeriods = 1, alpha = 0.05, reweight = TRUE, weightsThreshold = 2.58, trend = TRUE, pThresholdTrend = 0.05,
    limit54 = c(5, 4), powertrans = "2/3", populationOffset = FALSE, thresholdMethod = "delta"))))
})
# CPU time of this process: the machine is shared, and elapsed time would count the others' work
seconds <- times[["user.self"]] + times[["sys.self"]]
for (m in names(results)) {
  write.csv(format(results[[m]]$ub, digits = 17), file.path(out, paste0(m, "_upperbound.csv")), row.names = FALSE,
            quote = FALSE)
  write.csv(results[[m]]$al, file.path(out, paste0(m, "_alarm.csv")), row.names = FALSE, quote = FALSE)
}
writeLines(format(seconds, digits = 6), file.path(out, "seconds.txt"))
