// Exceptions thrown inside the compiled C++ library, made real.
//
// The sysroot's libc++.a was built without exceptions: where its compiled code would throw
// (std::stoi's invalid_argument, operator new's bad_alloc, a string's length_error,
// std::thread's system_error, ...) it calls std::__libcpp_verbose_abort("invalid_argument was
// thrown in -fno-exceptions mode with message \"%s\"", message) instead, a weak function libc++
// lets programs replace. This replacement throws what the message names, so that a program's
// `catch` sees it as it would with g++ on Linux; anything else aborts with the message, as the
// library's own one does.
#include <any>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <typeinfo>
#include <variant>

namespace {

struct Thrower {
  const char* name;
  void (*raise)(const char* message);
};

template <class Error>
void with_message(const char* message) {
  throw Error(message);
}

template <class Error>
void without_message(const char*) {
  throw Error();
}

const Thrower kThrowers[] = {
    {"invalid_argument", with_message<std::invalid_argument>},
    {"out_of_range", with_message<std::out_of_range>},
    {"length_error", with_message<std::length_error>},
    {"logic_error", with_message<std::logic_error>},
    {"domain_error", with_message<std::domain_error>},
    {"runtime_error", with_message<std::runtime_error>},
    {"range_error", with_message<std::range_error>},
    {"overflow_error", with_message<std::overflow_error>},
    {"underflow_error", with_message<std::underflow_error>},
    {"bad_alloc", without_message<std::bad_alloc>},
    {"bad_array_new_length", without_message<std::bad_array_new_length>},
    {"bad_cast", without_message<std::bad_cast>},
    {"bad_weak_ptr", without_message<std::bad_weak_ptr>},
    {"bad_function_call", without_message<std::bad_function_call>},
    {"bad_optional_access", without_message<std::bad_optional_access>},
    {"bad_variant_access", without_message<std::bad_variant_access>},
    {"bad_any_cast", without_message<std::bad_any_cast>},
};

constexpr const char kThrown[] = " was thrown in -fno-exceptions mode";
constexpr const char kWithMessage[] = " with message \"%s\"";
constexpr const char kSystemError[] =
    "system_error was thrown in -fno-exceptions mode with error %i and message \"%s\"";

}  // namespace

// std::__libcpp_verbose_abort (libc++'s ABI namespace on WebAssembly is std::__2), defined
// under another C++ name because libc++ declares it noexcept and this one throws.
extern "C" [[noreturn]] void pairpad_library_abort(const char* format, ...) __asm__(
    "_ZNSt3__222__libcpp_verbose_abortEPKcz");

extern "C" void pairpad_library_abort(const char* format, ...) {
  std::va_list arguments;
  va_start(arguments, format);
  if (std::strcmp(format, kSystemError) == 0) {
    int code = va_arg(arguments, int);
    const char* message = va_arg(arguments, const char*);
    va_end(arguments);
    throw std::system_error(code, std::generic_category(), message);
  }
  for (const Thrower& thrower : kThrowers) {
    size_t length = std::strlen(thrower.name);
    if (std::strncmp(format, thrower.name, length) != 0) continue;
    const char* rest = format + length;
    if (std::strncmp(rest, kThrown, sizeof kThrown - 1) != 0) continue;
    rest += sizeof kThrown - 1;
    const char* message = std::strcmp(rest, kWithMessage) == 0 ? va_arg(arguments, const char*) : "";
    va_end(arguments);
    thrower.raise(message);
  }
  std::fflush(stdout);
  std::vfprintf(stderr, format, arguments);
  std::fputc('\n', stderr);
  va_end(arguments);
  std::abort();
}
