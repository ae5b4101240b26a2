// Fetch: a libcurl multi loop keeping options.parallel transfers in flight, retrying
// transient failures after a backoff (or the server's Retry-After), aborting oversized bodies.
#include "fetch.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <thread>

#include "folio/version.hpp"

namespace folio::figures {

namespace {

using Clock = std::chrono::steady_clock;

struct EasyCleanup {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct MultiCleanup {
  void operator()(CURLM* m) const { curl_multi_cleanup(m); }
};
struct SlistFree {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using Easy = std::unique_ptr<CURL, EasyCleanup>;
using Multi = std::unique_ptr<CURLM, MultiCleanup>;
using Slist = std::unique_ptr<curl_slist, SlistFree>;

// The longest Retry-After we honour; a server asking for more gets this much.
constexpr std::chrono::seconds kMaxRetryWait{30};
constexpr std::chrono::milliseconds kFirstBackoff{500};

// curl_global_init is not safe to race with other threads' first use; do it once.
void init_curl_once() {
  static const bool initialized = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
  (void)initialized;
}

// One attempt at one request; lives at a fixed address while curl calls back into it.
struct Transfer {
  size_t index = 0;
  int attempt = 1;
  Easy easy;
  Slist headers;
  std::string body;
  std::string etag;
  std::string last_modified;
  std::string reason;  ///< the last status line's reason phrase ("Not Found"; HTTP/2 has none)
  std::string content_length;  ///< the last response's Content-Length, as sent
  uint64_t max_bytes = 0;
  bool too_large = false;
  char error[CURL_ERROR_SIZE] = "";
};

size_t on_body(char* data, size_t size, size_t count, void* closure) {
  auto* t = static_cast<Transfer*>(closure);
  size_t n = size * count;
  if (t->body.size() + n > t->max_bytes) {
    t->too_large = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  t->body.append(data, n);
  return n;
}

std::string header_value(std::string_view line, std::string_view name) {
  if (line.size() <= name.size() + 1) return {};
  for (size_t i = 0; i < name.size(); ++i)
    if (std::tolower(uint8_t(line[i])) != name[i]) return {};
  if (line[name.size()] != ':') return {};
  std::string_view v = line.substr(name.size() + 1);
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == '\r' || v.back() == '\n' || v.back() == ' ')) v.remove_suffix(1);
  return std::string(v);
}

size_t on_header(char* data, size_t size, size_t count, void* closure) {
  auto* t = static_cast<Transfer*>(closure);
  std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {  // a new response (after a redirect): forget the last one's
    t->etag.clear();
    t->last_modified.clear();
    t->body.clear();
    t->content_length.clear();
    // "HTTP/1.1 404 Not Found": the reason is what follows the code.
    t->reason.clear();
    size_t code = line.find(' ');
    size_t reason = code == std::string_view::npos ? code : line.find(' ', code + 1);
    if (reason != std::string_view::npos) {
      std::string_view r = line.substr(reason + 1);
      while (!r.empty() && (r.back() == '\r' || r.back() == '\n' || r.back() == ' ')) r.remove_suffix(1);
      // A reason is short printable text; anything else is not worth repeating.
      if (r.size() <= 80 && std::all_of(r.begin(), r.end(), [](char c) { return c >= ' ' && c < 127; }))
        t->reason = r;
    }
  } else if (auto v = header_value(line, "etag"); !v.empty()) {
    t->etag = v;
  } else if (auto v = header_value(line, "last-modified"); !v.empty()) {
    t->last_modified = v;
  } else if (auto v = header_value(line, "content-length"); !v.empty()) {
    t->content_length = v;
  }
  return size * count;
}

// The standard reason phrases, for replies that carry none (HTTP/2) or an empty one.
const char* standard_reason(long status) {
  switch (status) {
    case 300: return "Multiple Choices";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 410: return "Gone";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 451: return "Unavailable For Legal Reasons";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
  }
}

// "HTTP 404 Not Found": the code and the server's reason (else the standard one).
std::string http_status(long status, const std::string& reason) {
  std::string said = reason.empty() ? standard_reason(status) : reason;
  return "HTTP " + std::to_string(status) + (said.empty() ? "" : " " + said);
}

// The OS's reason for a failed connect, send or receive ("Connection refused"), if curl has one.
std::string os_error(CURL* e) {
  long err = 0;
  if (curl_easy_getinfo(e, CURLINFO_OS_ERRNO, &err) != CURLE_OK || err == 0) return "";
  return std::strerror(int(err));
}

std::string megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", double(bytes) / (1024.0 * 1024.0));
  return buf;
}

Easy make_easy(Transfer& t, const FetchRequest& request, const FigureOptions& options,
               const std::string& user_agent) {
  Easy easy(curl_easy_init());
  CURL* e = easy.get();
  curl_easy_setopt(e, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(e, CURLOPT_PRIVATE, &t);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t.error);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, &t);
  // Only http and https, also after a redirect (no file:, ftp:, gopher:, ...).
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(e, CURLOPT_MAXREDIRS, long(options.max_redirects));
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, long(options.connect_timeout_s));
  curl_easy_setopt(e, CURLOPT_TIMEOUT, long(options.timeout_s));
  // A transfer slower than 1 byte/s for stall_timeout_s seconds is dead.
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, long(options.stall_timeout_s));
  curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.max_bytes));
  curl_easy_setopt(e, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
  curl_easy_setopt(e, CURLOPT_USERAGENT, user_agent.c_str());
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // whatever curl can decode
  // Proxies come from http_proxy/https_proxy/no_proxy: curl reads them by default.
  curl_slist* list = nullptr;
  for (const auto& h : request.headers) list = curl_slist_append(list, h.c_str());
  if (!request.if_none_match.empty())
    list = curl_slist_append(list, ("If-None-Match: " + request.if_none_match).c_str());
  if (!request.if_modified_since.empty())
    list = curl_slist_append(list, ("If-Modified-Since: " + request.if_modified_since).c_str());
  t.headers.reset(list);
  if (list) curl_easy_setopt(e, CURLOPT_HTTPHEADER, list);
  return easy;
}

// Fills `r` from a finished transfer; says whether a retry could help.
void classify(Transfer& t, CURLcode code, const FigureOptions& options, FetchResult& r) {
  CURL* e = t.easy.get();
  long status = 0;
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
  char* final_url = nullptr;
  curl_easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &final_url);
  char* content_type = nullptr;
  curl_easy_getinfo(e, CURLINFO_CONTENT_TYPE, &content_type);
  r.status = status;
  r.attempts = t.attempt;
  r.final_url = final_url ? final_url : "";
  r.content_type = content_type ? content_type : "";
  r.etag = t.etag;
  r.last_modified = t.last_modified;
  r.ok = false;
  r.not_modified = false;
  r.transient = false;
  r.error.clear();
  std::string detail = t.error[0] ? std::string(": ") + t.error : std::string();
  // curl's message with the OS's reason in front when there is one:
  // ": Connection refused (Failed to connect to 127.0.0.1 port 1 ...)".
  std::string os = os_error(e);
  std::string os_detail = os.empty() ? detail : ": " + os + (t.error[0] ? std::string(" (") + t.error + ")" : "");
  switch (code) {
    case CURLE_OK:
      if (status == 304) {
        r.ok = r.not_modified = true;
      } else if (status >= 200 && status < 300) {
        r.ok = true;
        r.body = std::move(t.body);
      } else if (status < 100 || status > 599) {
        // Not a status HTTP defines: nothing says trying again would help.
        r.error = "HTTP " + std::to_string(status) + ": not a valid HTTP status code";
      } else if (status == 429 || status >= 500) {
        r.transient = true;
        r.error = http_status(status, t.reason);
      } else if (status >= 300 && status < 400) {
        r.error = http_status(status, t.reason) + ": a redirect without a usable Location";
      } else {
        r.error = http_status(status, t.reason);
      }
      return;
    case CURLE_WRITE_ERROR:
    case CURLE_FILESIZE_EXCEEDED:
      if (code == CURLE_FILESIZE_EXCEEDED) {
        // curl refuses before the body, from the Content-Length the server sent.
        unsigned long long announced = std::strtoull(t.content_length.c_str(), nullptr, 10);
        r.error = "too large: the server announced " +
                  (announced > 0 ? megabytes(announced) : std::string("a larger body")) +
                  ", over the limit of " + megabytes(options.max_bytes) + " (figures: max_bytes)";
        return;
      }
      if (t.too_large) {
        r.error = "too large: stopped after " + megabytes(options.max_bytes) +
                  " without the end of the body, the limit (figures: max_bytes)";
        return;
      }
      break;
    case CURLE_OPERATION_TIMEDOUT:
      r.transient = true;
      r.error = "timed out" + detail;
      return;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      r.error = "host not found (DNS)" + detail;
      return;
    case CURLE_COULDNT_CONNECT:
      r.error = "connection failed" + os_detail;
      return;
    case CURLE_TOO_MANY_REDIRECTS:
      r.error = "more than " + std::to_string(options.max_redirects) + " redirects";
      return;
    case CURLE_UNSUPPORTED_PROTOCOL: {
      // Either a redirect to file:, ftp:, ... (curl knows where it was sent), or a reply
      // that is not HTTP/1.x or HTTP/2 at all (HTTP/0.9: a body without a status line).
      // After following a redirect, the effective URL is where it led.
      char* next = nullptr;
      curl_easy_getinfo(e, CURLINFO_REDIRECT_URL, &next);
      if (!next || !*next) next = final_url;
      std::string_view target = next ? next : "";
      if (!target.empty() && !target.starts_with("http://") && !target.starts_with("https://"))
        r.error = (status >= 300 && status < 400 ? http_status(status, t.reason) + ": the redirect" : std::string("a redirect")) +
                  " to " + next + " was refused (only http and https are followed)";
      else
        r.error = "the server's reply is not an HTTP response (no status line; HTTP/0.9?)" + detail;
      return;
    }
    case CURLE_WEIRD_SERVER_REPLY:
      r.error = "the server's reply is not a valid HTTP response" + detail;
      return;
    case CURLE_OUT_OF_MEMORY:
      // curl 7.x answers a response header over its 100 kB limit with "Out of memory" and
      // no message: far likelier the server's fault than this machine's memory.
      r.error = "the response headers are too large for curl (over 100 kB), or memory ran out" + detail;
      return;
    case CURLE_PARTIAL_FILE:
      r.transient = true;
      r.error = "truncated body (the connection closed before Content-Length bytes came)";
      return;
    case CURLE_GOT_NOTHING:
      r.transient = true;
      r.error = "the server closed the connection without a reply";
      return;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
      r.transient = true;
      r.error = std::string(code == CURLE_RECV_ERROR ? "receiving failed" : "sending failed") + os_detail;
      return;
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      r.transient = true;
      break;
    default: break;
  }
  r.error = std::string(curl_easy_strerror(code)) + os_detail;
}

// How long to wait before attempt `next_attempt` (2, 3, ...): the server's Retry-After
// (capped) when it sent one, else an exponential backoff.
Clock::duration retry_delay(CURL* e, int next_attempt) {
  curl_off_t retry_after = 0;
  if (curl_easy_getinfo(e, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK && retry_after > 0)
    return std::min<Clock::duration>(std::chrono::seconds(retry_after), kMaxRetryWait);
  return kFirstBackoff * (1 << std::min(next_attempt - 2, 6));
}

}  // namespace

std::vector<FetchResult> fetch_all(const std::vector<FetchRequest>& requests, const FigureOptions& options,
                                   FetchStats& stats, const FetchProgress& progress,
                                   const FetchDone& on_done) {
  init_curl_once();
  std::vector<FetchResult> results(requests.size());
  if (requests.empty()) return results;
  std::string user_agent = options.user_agent.empty() ? std::string("folio/") + version() : options.user_agent;
  Multi multi(curl_multi_init());
  curl_multi_setopt(multi.get(), CURLMOPT_PIPELINING, long(CURLPIPE_MULTIPLEX));

  struct Waiting {
    size_t index;
    int attempt;
    Clock::time_point ready;
  };
  std::deque<Waiting> waiting;
  for (size_t i = 0; i < requests.size(); ++i) waiting.push_back({i, 1, Clock::now()});
  std::vector<std::unique_ptr<Transfer>> active;
  size_t parallel = size_t(std::max(1, options.parallel));
  size_t done = 0, failed = 0;

  while (!waiting.empty() || !active.empty()) {
    // Start what may start: the first waiting transfers whose time has come.
    auto now = Clock::now();
    for (auto it = waiting.begin(); it != waiting.end() && active.size() < parallel;) {
      if (it->ready > now) {
        ++it;
        continue;
      }
      auto t = std::make_unique<Transfer>();
      t->index = it->index;
      t->attempt = it->attempt;
      t->max_bytes = options.max_bytes;
      t->easy = make_easy(*t, requests[it->index], options, user_agent);
      curl_multi_add_handle(multi.get(), t->easy.get());
      ++stats.requests;
      active.push_back(std::move(t));
      it = waiting.erase(it);
    }

    int running = 0;
    curl_multi_perform(multi.get(), &running);

    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi.get(), &queued)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Transfer* raw = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, reinterpret_cast<char**>(&raw));
      CURLcode code = msg->data.result;
      curl_multi_remove_handle(multi.get(), msg->easy_handle);
      auto owned = std::find_if(active.begin(), active.end(), [&](auto& p) { return p.get() == raw; });
      std::unique_ptr<Transfer> t = std::move(*owned);
      active.erase(owned);
      stats.bytes += t->body.size();
      FetchResult& r = results[t->index];
      classify(*t, code, options, r);
      if (!r.ok && r.transient && t->attempt <= options.retries) {
        waiting.push_back({t->index, t->attempt + 1, Clock::now() + retry_delay(t->easy.get(), t->attempt + 1)});
        continue;
      }
      if (!r.ok && r.attempts > 1) r.error += " (after " + std::to_string(r.attempts) + " attempts)";
      ++done;
      if (!r.ok) ++failed;
      if (progress) progress(done, requests.size(), stats.bytes, failed);
      if (on_done) on_done(t->index, r);
    }

    if (active.empty() && waiting.empty()) break;
    // Sleep until curl has work or the next retry is due.
    int timeout_ms = 1000;
    if (!waiting.empty() && active.size() < parallel) {
      auto next = std::min_element(waiting.begin(), waiting.end(),
                                   [](auto& a, auto& b) { return a.ready < b.ready; })->ready;
      auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - Clock::now()).count();
      timeout_ms = int(std::clamp<long long>(wait, 0, 1000));
    }
    if (!active.empty()) curl_multi_poll(multi.get(), nullptr, 0, timeout_ms, nullptr);
    else if (timeout_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(timeout_ms));
  }
  return results;
}

}  // namespace folio::figures
