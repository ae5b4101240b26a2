// The label table: one row per language the writers know.
#include "base/labels.hpp"

namespace folio {

BookLabels labels_for(std::string_view language) {
  auto starts = [&](std::string_view p) { return language.substr(0, p.size()) == p; };
  auto has = [&](std::string_view p) { return language.find(p) != std::string_view::npos; };
  if (starts("zh")) {
    if (has("TW") || has("HK") || has("MO") || has("Hant"))
      return {"目錄", "封面", "正文", "註釋", "返回正文", "圖片無法載入", "無標題", "圖片"};
    return {"目录", "封面", "正文", "注释", "返回正文", "图片无法加载", "无标题", "图片"};
  }
  if (starts("ja")) return {"目次", "表紙", "本文", "注", "本文へ戻る", "画像を読み込めません", "無題", "画像"};
  if (starts("ko")) return {"목차", "표지", "본문", "각주", "본문으로 돌아가기", "이미지를 불러올 수 없습니다", "제목 없음", "이미지"};
  return {"Contents", "Cover", "Start", "Notes", "Back to text", "Image could not be loaded", "Untitled", "image"};
}

}  // namespace folio
