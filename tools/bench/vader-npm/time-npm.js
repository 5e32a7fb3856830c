// Times the npm port of VADER (vader-sentiment 1.1.3) on the text of every
// line of a JSON Lines file: sentences per second and MB/s of one pass, as
// the median of N timed passes after one warm-up pass. Prints one JSON object.
// Usage: node time-npm.js FILE.jsonl [RUNS]
'use strict';
const fs = require('fs');
const vader = require('vader-sentiment');

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const sentences = fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim())
  .map((line) => JSON.parse(line).text);
const bytes = sentences.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);

function pass() {
  let checksum = 0;  // used, so that the work cannot be skipped
  for (const text of sentences) checksum += vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
  return checksum;
}

pass();  // warm-up: JIT and lazily built tables
const seconds = [];
let checksum = 0;
for (let run = 0; run < runs; ++run) {
  const start = process.hrtime.bigint();
  checksum += pass();
  seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
}
seconds.sort((a, b) => a - b);
const median = seconds.length % 2 ? seconds[(seconds.length - 1) / 2]
  : (seconds[seconds.length / 2 - 1] + seconds[seconds.length / 2]) / 2;
console.log(JSON.stringify({
  implementation: 'vader-sentiment@1.1.3 (npm, node ' + process.version + ')',
  sentences: sentences.length, bytes, runs, median_seconds: median,
  sentences_per_second: sentences.length / median, mb_per_second: bytes / median / 1e6,
  checksum,
}));
