#pragma once

// Private to the frontier counter (frontierstates.h): an allocator for its big tables that asks
// Linux for 2 MB pages. The sweep's tables are hash tables read at random: with 4 KB pages a
// big sweep misses the TLB at most reads, and on this project's virtual machines each first
// touch of a page cost several microseconds. With huge pages (and the tables' memory kept from
// step to step) the 409M-loop random map counts in 6.8 s on one thread instead of 14.5 s.

#include <cstddef>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace causeway::loopdetail {

template <class T>
struct HugePageAllocator {
    using value_type = T;
    static constexpr std::size_t kHuge = std::size_t(2) << 20;

    HugePageAllocator() = default;
    template <class U>
    HugePageAllocator(const HugePageAllocator<U>&) noexcept // NOLINT(google-explicit-constructor): allocators convert
    {
    }

    // Below a huge page: the usual allocation. From one up: aligned to a huge page and rounded
    // up to whole ones, with the kernel asked to back it with huge pages (a hint it may ignore).
    T* allocate(std::size_t n)
    {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < kHuge)
            return static_cast<T*>(::operator new(bytes));
        const std::size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
        void* p = std::aligned_alloc(kHuge, rounded);
        if (!p)
            throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        madvise(p, rounded, MADV_HUGEPAGE);
#endif
        return static_cast<T*>(p);
    }

    void deallocate(T* p, std::size_t n) noexcept
    {
        if (n * sizeof(T) < kHuge)
            ::operator delete(p);
        else
            std::free(p); // NOLINT(cppcoreguidelines-no-malloc): it came from aligned_alloc
    }

    friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};

} // namespace causeway::loopdetail
