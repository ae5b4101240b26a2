#include "jpeg_quality.hpp"

#include <jpeglib.h>

#include <array>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <mutex>

namespace folio::figures {

namespace {

using Table = std::array<unsigned, DCTSIZE2>;

struct QuietError {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
};

void jump_back(j_common_ptr info) { std::longjmp(reinterpret_cast<QuietError*>(info->err)->jump, 1); }
void no_message(j_common_ptr, int) {}

// The luminance table libjpeg writes for each quality, asked of libjpeg itself once.
const std::array<Table, 101>& standard_tables() {
  static std::array<Table, 101> tables{};
  static std::once_flag once;
  std::call_once(once, [] {
    jpeg_compress_struct c;
    QuietError err;
    std::memset(&c, 0, sizeof c);
    c.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = jump_back;
    if (setjmp(err.jump)) {
      jpeg_destroy_compress(&c);
      return;
    }
    jpeg_create_compress(&c);
    c.in_color_space = JCS_RGB;
    c.input_components = 3;
    jpeg_set_defaults(&c);
    for (int q = 1; q <= 100; ++q) {
      jpeg_set_quality(&c, q, TRUE);
      for (int i = 0; i < DCTSIZE2; ++i) tables[q][i] = c.quant_tbl_ptrs[0]->quantval[i];
    }
    jpeg_destroy_compress(&c);
  });
  return tables;
}

// Only plain C objects live in this frame, so longjmp skips no destructor.
bool read_luminance_table(std::string_view bytes, Table& table) {
  jpeg_decompress_struct info;
  QuietError err;
  std::memset(&info, 0, sizeof info);
  info.err = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = jump_back;
  err.mgr.emit_message = no_message;
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&info);
    return false;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()), (unsigned long)bytes.size());
  jpeg_read_header(&info, TRUE);
  const JQUANT_TBL* q = info.quant_tbl_ptrs[0];
  if (q != nullptr)
    for (int i = 0; i < DCTSIZE2; ++i) table[i] = q->quantval[i];
  jpeg_destroy_decompress(&info);
  return q != nullptr;
}

}  // namespace

std::optional<int> jpeg_quality(std::string_view bytes) {
  Table table{};
  if (!read_luminance_table(bytes, table)) return std::nullopt;
  const auto& standard = standard_tables();
  int best = 0;
  unsigned long best_distance = std::numeric_limits<unsigned long>::max();
  for (int q = 1; q <= 100; ++q) {
    unsigned long distance = 0;
    for (int i = 0; i < DCTSIZE2; ++i)
      distance += table[i] > standard[q][i] ? table[i] - standard[q][i] : standard[q][i] - table[i];
    if (distance < best_distance) best = q, best_distance = distance;
  }
  if (best == 0) return std::nullopt;
  return best;
}

}  // namespace folio::figures
