// C++ exceptions for programs compiled with -fwasm-exceptions (WebAssembly's own `throw` and
// `try`/`catch` instructions, which Chromium and Node run natively).
//
// Why this file exists: the compiler's WebAssembly C++ library (libc++abi in YoWASP's
// wasi-sdk sysroot) was built without exceptions and its sysroot has no libunwind, so a
// program compiled with -fwasm-exceptions links against nothing for __cxa_throw,
// __cxa_begin_catch, _Unwind_CallPersonality, __wasm_lpad_context or the __cpp_exception tag.
// This is that runtime, written for PairPad from the Itanium C++ ABI (the __cxa_* contract) and
// LLVM's WebAssembly exception-handling design (the landing-pad context, the LSDA layout).
// Matching a thrown type against a catch clause is left to the type_info objects of the
// sysroot's libc++abi (their can_catch, which handles bases, pointers and qualifications).
//
// WebAssembly unwinds in one phase: the stack is unwound (destructors run) while a handler is
// searched for, so an exception no handler catches reaches main's wrapper below, which calls
// std::terminate as Linux does (where destructors would not have run).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cxxabi.h>
#include <exception>
#include <typeinfo>

// The tag of C++ exceptions: one i32, the address of the exception's Header.
__asm__(
    ".globl __cpp_exception\n"
    ".tagtype __cpp_exception i32\n"
    "__cpp_exception:\n");

namespace __cxxabiv1 {
// The first virtual functions of every type_info of the sysroot's libc++abi (its
// private_typeinfo.h): declared here, not defined, to call can_catch through their vtables.
class __shim_type_info : public std::type_info {
 public:
  ~__shim_type_info() override;
  virtual void noop1() const;
  virtual void noop2() const;
  virtual bool can_catch(const __shim_type_info* thrown_type, void*& adjusted) const = 0;
};
}  // namespace __cxxabiv1

namespace {

using Destructor = void* (*)(void*);

// What the runtime keeps of one exception, in front of the thrown object (a primary header),
// or on its own for an exception rethrown from an exception_ptr (a dependent header, which
// throws the primary's object again).
struct Header {
  std::type_info* type;
  Destructor destructor;
  void* object;        // the thrown object
  Header* primary;     // the header that owns the object (itself, for a primary)
  int references;      // primary only: throws in flight, handlers and exception_ptrs holding it
  int handlers;        // catch clauses holding it; negative while it is being rethrown
  void* adjusted;      // what __cxa_begin_catch returns: the object as the catch clause sees it
  Header* next_caught; // the exception caught before this one, still being handled
};

// The thrown object is aligned as malloc aligns, as if allocated on its own.
constexpr size_t kHeaderSpace = (sizeof(Header) + alignof(max_align_t) - 1) & ~(alignof(max_align_t) - 1);

Header* header_of(void* object) { return reinterpret_cast<Header*>(static_cast<char*>(object) - kHeaderSpace); }

Header* caught = nullptr;     // the innermost exception being handled
Header* in_flight = nullptr;  // the exception thrown last, until a catch clause takes it
unsigned uncaught = 0;        // exceptions thrown and not yet caught

void release(Header* primary) {
  if (--primary->references > 0) return;
  if (primary->destructor) primary->destructor(primary->object);
  std::free(primary);
}

[[noreturn]] void raise(Header* header) {
  header->adjusted = header->object;  // what a catch (...) without a type check receives
  uncaught++;
  in_flight = header;
  __builtin_wasm_throw(0, header);
}

}  // namespace

// What compiled catch clauses read: LLVM stores the landing pad's index and its function's
// LSDA here before calling _Unwind_CallPersonality, then reads the selector it chose.
struct LandingPadContext {
  uintptr_t landing_pad;
  const uint8_t* lsda;
  uintptr_t selector;
};
extern "C" {
LandingPadContext __wasm_lpad_context;
}

namespace {

uintptr_t read_uleb128(const uint8_t*& at) {
  uintptr_t value = 0;
  unsigned shift = 0;
  uint8_t byte;
  do {
    byte = *at++;
    value |= uintptr_t(byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
}

intptr_t read_sleb128(const uint8_t*& at) {
  intptr_t value = 0;
  unsigned shift = 0;
  uint8_t byte;
  do {
    byte = *at++;
    value |= intptr_t(byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  if ((byte & 0x40) && shift < 8 * sizeof(value)) value |= -(intptr_t(1) << shift);
  return value;
}

constexpr uint8_t kOmit = 0xff;

// The catch clauses' type_info pointers, 4-byte absolute addresses on wasm32 (LLVM writes
// DW_EH_PE_absptr; udata4/sdata4 are the same bytes).
const std::type_info* catch_type(const uint8_t* types_end, uint8_t encoding, intptr_t index) {
  if (encoding != 0x00 && encoding != 0x03 && encoding != 0x0b) return nullptr;
  uint32_t address;
  std::memcpy(&address, types_end - 4 * index, 4);
  return reinterpret_cast<const std::type_info*>(uintptr_t(address));
}

bool catches(const std::type_info* type, Header* header, void*& adjusted) {
  adjusted = header->object;
  if (type == nullptr) return true;  // catch (...)
  auto* handler = static_cast<const __cxxabiv1::__shim_type_info*>(type);
  return handler->can_catch(static_cast<const __cxxabiv1::__shim_type_info*>(header->type), adjusted);
}

// Walks the landing pad's chain of actions in its function's LSDA (the Itanium layout, with a
// call-site table of one (landing pad, action) entry per landing pad index, as for SjLj);
// returns the type index of the first catch clause that takes the exception, or 0.
uintptr_t select_handler(Header* header) {
  const uint8_t* at = __wasm_lpad_context.lsda;
  if (at == nullptr) return 0;
  uint8_t start_encoding = *at++;
  if (start_encoding != kOmit) return 0;  // LLVM never writes one for WebAssembly
  uint8_t type_encoding = *at++;
  const uint8_t* types_end = nullptr;
  if (type_encoding != kOmit) {
    uintptr_t offset = read_uleb128(at);
    types_end = at + offset;
  }
  at++;  // call-site encoding: entries are ULEB128 whatever it says
  uintptr_t table_length = read_uleb128(at);
  const uint8_t* actions = at + table_length;
  uintptr_t action = 0;
  for (uintptr_t index = 0; index <= __wasm_lpad_context.landing_pad; index++) {
    if (at >= actions) return 0;
    read_uleb128(at);  // the landing pad: WebAssembly's catch instruction already got there
    action = read_uleb128(at);
  }
  if (action == 0 || types_end == nullptr) return 0;  // cleanups only
  const uint8_t* record = actions + action - 1;
  for (;;) {
    intptr_t type_index = read_sleb128(record);
    const uint8_t* next_at = record;
    intptr_t next = read_sleb128(record);
    void* adjusted = nullptr;
    // A negative index is a dynamic exception specification, gone from C++ since C++17.
    if (type_index > 0 && catches(catch_type(types_end, type_encoding, type_index), header, adjusted)) {
      header->adjusted = adjusted;
      return uintptr_t(type_index);
    }
    if (next == 0) return 0;
    record = next_at + next;
  }
}

}  // namespace

extern "C" {

int _Unwind_CallPersonality(void* exception) {
  __wasm_lpad_context.selector = select_handler(static_cast<Header*>(exception));
  constexpr int kHandlerFound = 6, kContinueUnwind = 8;
  return __wasm_lpad_context.selector ? kHandlerFound : kContinueUnwind;
}

void* __cxa_allocate_exception(size_t size) noexcept {
  void* memory = std::calloc(1, kHeaderSpace + size);
  if (memory == nullptr) {
    std::fputs("terminate called: out of memory for an exception\n", stderr);
    std::abort();
  }
  return static_cast<char*>(memory) + kHeaderSpace;
}

void __cxa_free_exception(void* object) noexcept { std::free(header_of(object)); }

abi::__cxa_exception* __cxa_init_primary_exception(void* object, std::type_info* type, Destructor destructor) noexcept {
  Header* header = header_of(object);
  *header = Header{type, destructor, object, header, 0, 0, object, nullptr};
  return reinterpret_cast<abi::__cxa_exception*>(header);
}

void __cxa_throw(void* object, std::type_info* type, Destructor destructor) {
  Header* header = header_of(object);
  __cxa_init_primary_exception(object, type, destructor);
  header->references = 1;
  raise(header);
}

void* __cxa_get_exception_ptr(void* exception) noexcept { return static_cast<Header*>(exception)->adjusted; }

void* __cxa_begin_catch(void* exception) noexcept {
  auto* header = static_cast<Header*>(exception);
  if (header == nullptr) return nullptr;  // not a C++ exception
  header->handlers = header->handlers < 0 ? 1 - header->handlers : header->handlers + 1;
  if (header != caught) {
    header->next_caught = caught;
    caught = header;
  }
  if (uncaught > 0) uncaught--;
  if (header == in_flight) in_flight = nullptr;
  return header->adjusted;
}

void __cxa_end_catch() {
  Header* header = caught;
  if (header == nullptr) return;
  if (header->handlers < 0) {
    // Rethrown: it stays alive, in flight, and leaves the stack of caught ones.
    if (++header->handlers == 0) caught = header->next_caught;
    return;
  }
  if (--header->handlers > 0) return;
  caught = header->next_caught;
  Header* primary = header->primary;
  if (header != primary) std::free(header);
  release(primary);
}

void __cxa_rethrow() {
  Header* header = caught;
  if (header == nullptr) std::terminate();
  header->handlers = -header->handlers;
  raise(header);
}

std::type_info* __cxa_current_exception_type() { return caught ? caught->type : nullptr; }

bool __cxa_uncaught_exception() noexcept { return uncaught != 0; }
unsigned int __cxa_uncaught_exceptions() noexcept { return uncaught; }

// std::exception_ptr (libc++ holds the thrown object's address and counts references here).
void* __cxa_current_primary_exception() noexcept {
  if (caught == nullptr) return nullptr;
  caught->primary->references++;
  return caught->primary->object;
}

void __cxa_increment_exception_refcount(void* object) noexcept {
  if (object != nullptr) header_of(object)->references++;
}

void __cxa_decrement_exception_refcount(void* object) noexcept {
  if (object != nullptr) release(header_of(object));
}

void __cxa_rethrow_primary_exception(void* object) {
  if (object == nullptr) return;
  Header* primary = header_of(object);
  auto* dependent = static_cast<Header*>(std::calloc(1, sizeof(Header)));
  if (dependent == nullptr) std::terminate();
  *dependent = Header{primary->type, nullptr, object, primary, 0, 0, object, nullptr};
  primary->references++;
  raise(dependent);
}

}  // extern "C"

namespace {

// A type's name as g++ users read it: libc++'s ABI namespace (std::__2::system_error) left out.
void drop_abi_namespace(char* name) {
  constexpr char kAbi[] = "std::__2::";
  for (char* found = std::strstr(name, kAbi); found; found = std::strstr(found, kAbi)) {
    std::memmove(found + 5, found + sizeof kAbi - 1, std::strlen(found + sizeof kAbi - 1) + 1);
  }
}

// What libstdc++'s verbose terminate handler prints, which interviewers know from g++ on Linux.
[[noreturn]] void report_and_abort() {
  std::fflush(stdout);
  // A throw out of a noexcept function ends in std::terminate from a landing pad that catches
  // any WebAssembly exception and so cannot name it: it is the one in flight.
  if (caught == nullptr && in_flight != nullptr) __cxa_begin_catch(in_flight);
  std::type_info* type = __cxa_current_exception_type();
  if (type == nullptr) {
    std::fputs("terminate called without an active exception\n", stderr);
    std::abort();
  }
  int status = 0;
  char* name = abi::__cxa_demangle(type->name(), nullptr, nullptr, &status);
  if (status == 0) drop_abi_namespace(name);
  std::fprintf(stderr, "terminate called after throwing an instance of '%s'\n", status == 0 ? name : type->name());
  try {
    throw;
  } catch (const std::exception& exception) {
    std::fprintf(stderr, "  what():  %s\n", exception.what());
  } catch (...) {
  }
  std::abort();
}

__attribute__((constructor)) void install_terminate_handler() { std::set_terminate(report_and_abort); }

}  // namespace

// The program's entry point, wrapped (-Wl,--wrap=__main_void): an exception that leaves main
// terminates the program, as one no handler takes does on Linux.
extern "C" int __real___main_void();
extern "C" int __wrap___main_void() {
  try {
    return __real___main_void();
  } catch (...) {
    std::terminate();
  }
}
