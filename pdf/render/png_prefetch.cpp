// PNG prefetching for the renderer.
#include "render/png_prefetch.hpp"

namespace folio::pdf {

PngPrefetch::PngPrefetch(std::vector<Job> jobs, size_t ahead) : jobs_(std::move(jobs)), ahead_(ahead) {
  if (!jobs_.empty()) worker_ = std::thread([this] { run(); });
}

PngPrefetch::~PngPrefetch() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void PngPrefetch::run() {
  for (;;) {
    size_t job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return stop_ || ready_.size() < ahead_; });
      if (stop_ || next_job_ >= jobs_.size()) return;
      job = next_job_++;
    }
    SurfacePtr surface = figure_surface(jobs_[job].file, jobs_[job].unique_id);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ready_.push_back(std::move(surface));  // may be null: the main thread then reports the failure
    }
    changed_.notify_all();
  }
}

SurfacePtr PngPrefetch::take(int figure) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (next_take_ >= jobs_.size() || jobs_[next_take_].figure != figure) return nullptr;
  changed_.wait(lock, [&] { return !ready_.empty(); });
  SurfacePtr surface = std::move(ready_.front());
  ready_.pop_front();
  ++next_take_;
  lock.unlock();
  changed_.notify_all();
  return surface;
}

}  // namespace folio::pdf
