// Fetch: many figure downloads at once through libcurl's multi interface, with retries,
// timeouts, a size cap and redirects limited to http/https.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "folio/config.hpp"

namespace folio::figures {

/// One download to make.
struct FetchRequest {
  std::string url;
  std::vector<std::string> headers;  ///< extra request headers, "Name: value"
  std::string if_none_match;         ///< ETag for a conditional request (refresh)
  std::string if_modified_since;     ///< Last-Modified for a conditional request
};

/// How one download ended.
struct FetchResult {
  bool ok = false;             ///< 200 with a complete body, or 304
  bool not_modified = false;   ///< 304: the cached copy is still good
  /// True when trying again later might work (timeouts, 5xx, 429, connection trouble);
  /// false for answers that will not change (404, too large, refused redirect).
  bool transient = false;
  long status = 0;             ///< last HTTP status (0: no response)
  int attempts = 0;
  std::string final_url;
  std::string content_type;
  std::string etag;
  std::string last_modified;
  std::string body;
  std::string error;           ///< why it failed, for the diagnostic
};

/// Totals of a batch.
struct FetchStats {
  size_t requests = 0;   ///< HTTP requests sent (retries count)
  uint64_t bytes = 0;    ///< body bytes received
};

/// Called after each finished download (done, total, bytes so far, failures so far).
using FetchProgress = std::function<void(size_t, size_t, uint64_t, size_t)>;

/// Called once per request when it is final (after any retries), on the fetching thread;
/// it may take the body. Lets the caller process results while others still download.
using FetchDone = std::function<void(size_t index, FetchResult& result)>;

/// Downloads all requests, options.parallel at a time; results in request order.
std::vector<FetchResult> fetch_all(const std::vector<FetchRequest>& requests, const FigureOptions& options,
                                   FetchStats& stats, const FetchProgress& progress = {},
                                   const FetchDone& on_done = {});

}  // namespace folio::figures
