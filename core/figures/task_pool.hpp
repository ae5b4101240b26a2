// TaskPool: a few worker threads for the work done per downloaded figure (probe, hash, the
// cache's fsynced writes), so it overlaps the downloads instead of following them.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace folio::figures {

class TaskPool {
 public:
  explicit TaskPool(unsigned threads);
  /// Waits for every submitted task, then joins the workers.
  ~TaskPool();
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  void submit(std::function<void()> task);
  /// Blocks until every task submitted so far has run.
  void wait();

 private:
  void work();
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<std::function<void()>> tasks_;
  size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace folio::figures
