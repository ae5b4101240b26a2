// LoopbackServer: counters in pre/post routing hooks around every handler.
#include "loopback_server.hpp"

namespace folio::test {

LoopbackServer::LoopbackServer() {
  // More workers than transfers at once, so the server never is the bottleneck it measures.
  server_.new_task_queue = [] { return new httplib::ThreadPool(48); };
  server_.set_keep_alive_timeout(2);
  // Headers and body go out as separate writes; without this, Nagle and the client's delayed
  // ACK add ~40 ms to every response on loopback.
  server_.set_tcp_nodelay(true);
  server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response&) {
    ++total_;
    int now = ++current_;
    int seen = max_concurrent_.load();
    while (now > seen && !max_concurrent_.compare_exchange_weak(seen, now)) {
    }
    std::lock_guard<std::mutex> lock(mutex_);
    ++hits_[req.path];
    headers_[req.path] = req.headers;
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server_.set_post_routing_handler([this](const httplib::Request&, httplib::Response&) { --current_; });
  port_ = server_.bind_to_any_port("127.0.0.1");
}

LoopbackServer::~LoopbackServer() { stop(); }

void LoopbackServer::start() {
  if (running_) return;
  running_ = true;
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  while (!server_.is_running()) std::this_thread::yield();
}

void LoopbackServer::stop() {
  if (!running_) return;
  server_.stop();
  thread_.join();
  running_ = false;
}

std::string LoopbackServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

int LoopbackServer::hits(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = hits_.find(path);
  return it == hits_.end() ? 0 : it->second;
}

std::string LoopbackServer::last_header(const std::string& path, const std::string& name) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = headers_.find(path);
  if (it == headers_.end()) return "";
  auto h = it->second.find(name);
  return h == it->second.end() ? "" : h->second;
}

void LoopbackServer::reset_counts() {
  std::lock_guard<std::mutex> lock(mutex_);
  hits_.clear();
  headers_.clear();
  total_ = 0;
  max_concurrent_ = current_.load();
}

}  // namespace folio::test
