// The compiler's WebAssembly C++ library was built without exceptions: it has no runtime to
// unwind a `throw` with. These definitions make every throw what an uncaught exception is on
// Linux: the program ends and says what was thrown, as libstdc++'s terminate handler does.
// (A `catch` never runs: see README's language table.)
#include <cstdio>
#include <cstdlib>
#include <cxxabi.h>
#include <exception>
#include <typeinfo>

namespace {

// The Itanium C++ ABI's layouts of class type_info objects, which clang emits for typeid.
struct SingleBaseInfo {
  const void* vtable;
  const char* name;
  const std::type_info* base;
};
struct BaseSpec {
  const std::type_info* type;
  long offset_flags;  // offset << 8 | flags; flag 1: a virtual base
};
struct MultipleBaseInfo {
  const void* vtable;
  const char* name;
  unsigned flags;
  unsigned count;
  BaseSpec bases[1];
};

// Types whose type_info is each kind, to tell the kind of another by its vtable.
struct Base {};
struct Other {};
struct SingleBase : Base {};
struct TwoBases : Base, Other {};

const void* kind_of(const std::type_info& info) { return *reinterpret_cast<const void* const*>(&info); }

// Where the std::exception is inside an object of this type, or -1 when it is none.
long exception_offset(const std::type_info* type) {
  if (*type == typeid(std::exception)) return 0;
  if (kind_of(*type) == kind_of(typeid(SingleBase))) {
    return exception_offset(reinterpret_cast<const SingleBaseInfo*>(type)->base);
  }
  if (kind_of(*type) == kind_of(typeid(TwoBases))) {
    const auto* info = reinterpret_cast<const MultipleBaseInfo*>(type);
    for (unsigned index = 0; index < info->count; index++) {
      long offset_flags = info->bases[index].offset_flags;
      if (offset_flags & 1) continue;  // a virtual base's offset is in the object's vtable
      long inner = exception_offset(info->bases[index].type);
      if (inner >= 0) return (offset_flags >> 8) + inner;
    }
  }
  return -1;
}

[[noreturn]] void terminate_with(const char* what) {
  std::fflush(stdout);
  std::fputs(what, stderr);
  std::abort();
}

}  // namespace

extern "C" {

void* __cxa_allocate_exception(size_t size) noexcept {
  void* object = std::malloc(size);
  if (object == nullptr) terminate_with("terminate called: out of memory for an exception\n");
  return object;
}

void __cxa_free_exception(void* object) noexcept { std::free(object); }

// Declared [[noreturn]] by <cxxabi.h>; on WebAssembly a destructor returns its argument.
void __cxa_throw(void* object, std::type_info* type, void* (*)(void*)) {
  int status = 0;
  char* name = abi::__cxa_demangle(type->name(), nullptr, nullptr, &status);
  std::fflush(stdout);
  std::fprintf(stderr, "terminate called after throwing an instance of '%s'\n", status == 0 ? name : type->name());
  long offset = exception_offset(type);
  if (offset >= 0) {
    const auto* exception = reinterpret_cast<const std::exception*>(static_cast<char*>(object) + offset);
    std::fprintf(stderr, "  what():  %s\n", exception->what());
  }
  std::abort();
}

void __cxa_rethrow() { terminate_with("terminate called without an active exception\n"); }

}  // extern "C"
