// URLs as RFC 3986 URIs, the form every href and PDF link action must have.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace folio {

/// `url` as an RFC 3986 URI reference: characters a URI cannot hold (non-ASCII IRI
/// characters as UTF-8 bytes, spaces, `"<>\^`{|}`, a second `#`, brackets outside the
/// host) are percent-encoded; `%XX` escapes stay. nullopt when no encoding can make it a
/// link (an http or https URL without a host).
std::optional<std::string> to_uri(std::string_view url);

}  // namespace folio
