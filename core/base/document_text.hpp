// Plain text of whole blocks and documents (plain_text in document.hpp does inlines), for
// identifiers and language detection.
#pragma once

#include <string>

#include "folio/document.hpp"

namespace folio {

/// Appends the prose of blocks (paragraphs, headings, lists, tables, captions, notes) to
/// `out`, one block a line. Code blocks and inline code are left out when `with_code` is
/// false, so that Go keywords do not count as English when the language is detected.
void append_block_text(const Blocks& blocks, bool with_code, std::string& out);

/// The prose of a whole document (blocks, then footnotes).
std::string document_text(const Document& doc, bool with_code);

}  // namespace folio
