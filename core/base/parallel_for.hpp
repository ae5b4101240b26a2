// parallel_for: runs body(i) for every i in [0, count) on up to `threads` threads (the
// caller's included), taking indices in order from a shared counter, so uneven items
// (a 12-megapixel photo next to an icon) balance by themselves.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace folio {

/// The number of threads for CPU-bound work: the machine's cores, at least 1.
inline size_t cpu_threads() { return std::max(1u, std::thread::hardware_concurrency()); }

template <class Body>
void parallel_for(size_t count, size_t threads, Body&& body) {
  threads = std::min(std::max<size_t>(threads, 1), count);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < count;) body(i);
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

}  // namespace folio
