// LoopbackServer: cpp-httplib on 127.0.0.1 and an ephemeral port, on its own thread, counting
// what it is asked (requests per path, transfers at once, request headers).
#pragma once

#include <httplib.h>

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace folio::test {

class LoopbackServer {
 public:
  /// Binds at once; add routes through server() before start().
  LoopbackServer();
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  httplib::Server& server() { return server_; }
  void start();
  /// Stops listening and joins; later requests get "connection refused".
  void stop();

  int port() const { return port_; }
  /// "http://127.0.0.1:<port>" + path
  std::string url(const std::string& path) const;

  int hits(const std::string& path) const;
  int total_hits() const { return total_.load(); }
  /// The most requests that were being handled at the same moment.
  int max_concurrent() const { return max_concurrent_.load(); }
  /// A request header of the last request for `path` ("" if never seen).
  std::string last_header(const std::string& path, const std::string& name) const;
  void reset_counts();

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  bool running_ = false;
  std::atomic<int> total_{0};
  std::atomic<int> current_{0};
  std::atomic<int> max_concurrent_{0};
  mutable std::mutex mutex_;
  std::map<std::string, int> hits_;
  std::map<std::string, httplib::Headers> headers_;
};

}  // namespace folio::test
