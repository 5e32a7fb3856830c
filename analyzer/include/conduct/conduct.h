// conduct: transcript sentiment and conduct analysis, as a library.
//
// The one header a program needs. It brings the value types that flow
// through the pipeline and the Analyzer that makes them:
//
//   #include <conduct/conduct.h>
//
//   auto analyzer = conduct::Analyzer::load({});          // shipped lexicons, model, policy
//   if (!analyzer) { /* analyzer.error().where_message() */ }
//   auto document = conduct::read_document("call.txt", bytes, conduct::Format::notes, {});
//   conduct::Analysis analysis = analyzer.value().analyze(std::move(document).value());
//   for (const conduct::Finding& f : analysis.findings) { /* f.category, f.evidence */ }
//   std::string line = conduct::result_record(analysis, {}, analyzer.value().resources(),
//   {}).dump();
//
// Types (see each header for the details):
//   Document, Turn (core/document.h)     what a reader makes of one input: turns with
//                                        speaker, role, register, times and exact offsets.
//   Finding, Evidence (core/finding.h)   a category, its sources, a confidence and the
//                                        original text with byte offsets.
//   Error, Result<T> (core/error.h)      errors are values: a stable code, a message, the
//                                        file and line. Nothing here throws on bad input.
//   Analyzer, Analysis (pipeline/)       the analyzer and what it makes of one document.
//   Trace (core/trace.h)                 every decision of one analysis, on request.
//
// Cost: Analyzer::load compiles every lexicon rule and reads the model and
// the sentiment lexicon (tens of milliseconds); analyze() is linear in the
// document's length. Failure: load returns the first configuration error
// with its file and line; readers return an Error for input they cannot read;
// analyze() itself does not fail. Thread safety: an Analyzer is immutable
// after load; analyze() is const and may be called from many threads at once
// on one Analyzer. Data: the shipped lexicons and model are found from the
// executable's folder upwards in share/conduct (installed:
// <prefix>/share/conduct), or in $CONDUCT_HOME; ResourcePaths overrides each.
#pragma once

#include "core/document.h"
#include "core/error.h"
#include "core/finding.h"
#include "core/trace.h"
#include "pipeline/analyzer.h"
#include "read/reader.h"
#include "report/json_report.h"
