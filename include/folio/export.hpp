// What libfolio.so exports. The library is compiled with -fvisibility=hidden and
// -fvisibility-inlines-hidden: only what a public header of include/folio/ declares
// between FOLIO_API_BEGIN and FOLIO_API_END (the C++ API) or marks FOLIO_C_API (the C
// API, folio.h) is visible to programs. Everything in core/, fonts/, epub/ and pdf/ stays
// private, so it can change without breaking a program, and the dynamic linker has a few
// hundred symbols to look at instead of thousands.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define FOLIO_API_BEGIN _Pragma("GCC visibility push(default)")
#define FOLIO_API_END _Pragma("GCC visibility pop")
#else
#define FOLIO_API_BEGIN
#define FOLIO_API_END
#endif
