#pragma once

// Private to the frontier counter (frontiercount.cpp): a sweep state's key, how it hashes, and
// the table of one step's states with their counts. Not part of the public API.

#include "model/hugepages.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace causeway::loopdetail::frontier {

// Frontier slots in a state's key, one byte each: unused, interior (entered and left), or one
// end of an open path with the slot of its other end.
constexpr std::size_t kSlots = 20;
constexpr std::uint8_t kUnused = 0;
constexpr std::uint8_t kInterior = 1;
constexpr std::uint8_t kStart = 0x40; // | slot of the path's end: out-link used, in-link free
constexpr std::uint8_t kEnd = 0x80;   // | slot of the path's start: in-link used, out-link free
constexpr std::uint8_t kMate = 0x3F;

// A state: the slots, and whether the required link is among the links used. Its value is a
// count of partial loops per (links used, their parity), kept beside it.
struct alignas(8) Key {
    std::uint8_t slot[kSlots];
    std::uint8_t required;
    std::uint8_t unusedBytes[3];
    bool operator==(const Key& o) const { return std::memcmp(this, &o, sizeof(Key)) == 0; }
};
static_assert(sizeof(Key) == 24);

inline std::uint64_t hashOf(const Key& k)
{
    std::uint64_t w[3];
    std::memcpy(w, &k, sizeof w);
    std::uint64_t h = w[0] * 0x9E3779B97F4A7C15ull + w[1] * 0xC2B2AE3D27D4EB4Full + w[2] * 0x165667B19E3779F9ull;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 32);
}

// Whether some path is still open: a state that closes a loop must have none.
inline bool anyOpen(const Key& k)
{
    std::uint64_t w[3];
    std::memcpy(w, &k, sizeof w);
    constexpr std::uint64_t ends = 0xC0C0C0C0C0C0C0C0ull;
    return ((w[0] | w[1]) & ends) != 0 || (w[2] & 0xC0C0C0C0ull) != 0;
}

// States of one step (open addressing) and their counts: for each, `rows` parities by the
// lengths lo..hi it holds. A step is made in two parts: the states and their ranges of lengths
// are found, then `layout` gives each its counts, packed, and the moves found add to them.
class StateTable {
public:
    static constexpr std::uint32_t kNone = UINT32_MAX;
    struct Entry {
        Key key;
        std::uint32_t block = kNone; // the order it was made in: index into the offsets
        std::uint16_t lo = 0xFFFF;
        std::uint16_t hi = 0;
        std::size_t stride() const { return std::size_t(hi) - lo + 1; }
    };

    explicit StateTable(std::size_t rows) : m_rows(rows) { clear(0); }

    // Empties the table, sized for about `expected` states. The memory stays for the next step
    // (freeing and allocating it again at every step had the kernel mapping and zeroing fresh
    // pages) unless it is more than twice what the step needs.
    void clear(std::size_t expected)
    {
        std::size_t capacity = 256;
        while (capacity < expected * 2)
            capacity *= 2;
        if (m_entries.capacity() > 2 * capacity)
            decltype(m_entries)().swap(m_entries);
        m_entries.assign(capacity, Entry{});
        m_mask = capacity - 1;
        m_size = 0;
        m_pool.clear();
        m_offsets.clear();
        m_lo.clear();
        m_stride.clear();
    }
    std::size_t size() const { return m_size; }
    const std::vector<Entry, HugePageAllocator<Entry>>& entries() const { return m_entries; }
    // The memory the table holds (what it keeps from earlier steps included).
    std::size_t bytes() const { return bytesBesidePool() + m_pool.capacity() * 8; }
    const std::uint64_t* counts(std::uint32_t block) const { return m_pool.data() + m_offsets[block]; }
    std::uint64_t* counts(std::uint32_t block) { return m_pool.data() + m_offsets[block]; }
    std::uint16_t lo(std::uint32_t block) const { return m_lo[block]; }
    std::size_t stride(std::uint32_t block) const { return m_stride[block]; }

    // The entry of `key`, made when new. Valid until the next call.
    Entry& at(const Key& key, std::uint64_t hash)
    {
        if ((m_size + 1) * 4 > m_entries.size() * 3)
            grow();
        Entry& e = m_entries[slotOf(key, hash)];
        if (e.block == kNone) {
            e.key = key;
            e.block = std::uint32_t(m_size++);
        }
        return e;
    }

    // Packs the counts of every state; false when they would take more than `maxBytes`.
    bool layout(std::size_t maxBytes)
    {
        m_lo.assign(m_size, 0);
        m_stride.assign(m_size, 0);
        for (const Entry& e : m_entries)
            if (e.block != kNone)
                m_lo[e.block] = e.lo, m_stride[e.block] = std::uint16_t(e.stride());
        m_offsets.assign(m_size, 0);
        std::size_t words = 0;
        for (std::size_t b = 0; b < m_size; ++b) {
            m_offsets[b] = std::uint32_t(std::min<std::size_t>(words, UINT32_MAX));
            words += m_rows * m_stride[b];
        }
        if (m_pool.capacity() > 2 * words)
            decltype(m_pool)().swap(m_pool);
        if (words >= UINT32_MAX || bytesBesidePool() + std::max(words, m_pool.capacity()) * 8 > maxBytes)
            return false;
        m_pool.assign(words, 0);
        return true;
    }

private:
    // Offsets, lowest lengths and strides: 8 bytes a state.
    std::size_t bytesBesidePool() const { return m_entries.capacity() * sizeof(Entry) + m_offsets.capacity() * 8; }
    std::size_t slotOf(const Key& key, std::uint64_t hash) const
    {
        std::size_t i = hash & m_mask;
        while (m_entries[i].block != kNone && !(m_entries[i].key == key))
            i = (i + 1) & m_mask;
        return i;
    }
    void grow()
    {
        std::vector<Entry, HugePageAllocator<Entry>> old(m_entries.size() * 2);
        old.swap(m_entries);
        m_mask = m_entries.size() - 1;
        for (const Entry& e : old)
            if (e.block != kNone)
                m_entries[slotOf(e.key, hashOf(e.key))] = e;
    }

    std::size_t m_rows;
    std::vector<Entry, HugePageAllocator<Entry>> m_entries;
    std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> m_pool;
    std::vector<std::uint32_t> m_offsets; // block -> offset of its counts in the pool
    std::vector<std::uint16_t> m_lo, m_stride; // block -> its range of lengths
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
};

} // namespace causeway::loopdetail::frontier
