// PngPrefetch: decodes the PNG figures of the coming pages on a second thread while the
// main thread draws (cairo then only compresses them), keeping a few surfaces ahead.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "handles.hpp"
#include "render/figure_source.hpp"

namespace folio::pdf {

class PngPrefetch {
 public:
  /// One job per first use of a PNG figure, in drawing order.
  struct Job {
    int figure = -1;
    FigureFile file;
    std::string unique_id;
  };
  explicit PngPrefetch(std::vector<Job> jobs, size_t ahead = 3);
  ~PngPrefetch();
  PngPrefetch(const PngPrefetch&) = delete;
  PngPrefetch& operator=(const PngPrefetch&) = delete;

  /// The decoded surface for `figure` if it is the next one prefetched; null otherwise
  /// (the caller then decodes it itself).
  SurfacePtr take(int figure);

 private:
  void run();

  std::vector<Job> jobs_;
  size_t ahead_;
  size_t next_job_ = 0;   ///< next job the worker decodes
  size_t next_take_ = 0;  ///< next job the main thread takes
  std::deque<SurfacePtr> ready_;
  bool stop_ = false;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::thread worker_;
};

}  // namespace folio::pdf
