#pragma once

// Private to io/: typed readers for the JSON sections of a .causeway file (mapdata.cpp,
// mapstories.cpp) that name the place of a wrong value.
#include "io/ioerror.h"
#include "io/mapdata.h"

#include <cstdint>
#include <string>
#include <vector>

namespace causeway::mapdata {

// Small typed readers that name the place of a wrong value. Missing and null read as the default.
struct Reader {
    const std::string& prefix;

    [[noreturn]] void fail(const std::string& where, const std::string& message) const
    {
        throw IoError(prefix + where + ": " + message);
    }
    const Json& array(const Json& value, const std::string& where) const
    {
        if (!value.is_array())
            fail(where, "expected an array, got " + std::string(value.type_name()));
        return value;
    }
    // The value under `key`, or nullptr when it is missing or null.
    const Json* field(const Json& object, const char* key) const
    {
        auto it = object.find(key);
        return it == object.end() || it->is_null() ? nullptr : &*it;
    }
    std::string string(const Json& object, const char* key, const std::string& where,
                       std::string fallback = {}) const
    {
        const Json* v = field(object, key);
        if (!v)
            return fallback;
        if (!v->is_string())
            fail(where + "." + key, "expected a string, got " + std::string(v->type_name()));
        return v->get<std::string>();
    }
    bool flag(const Json& object, const char* key, const std::string& where, bool fallback) const
    {
        const Json* v = field(object, key);
        if (!v)
            return fallback;
        if (!v->is_boolean())
            fail(where + "." + key, "expected true or false, got " + std::string(v->type_name()));
        return v->get<bool>();
    }
    std::uint64_t id(const Json& value, const std::string& where) const
    {
        if (!value.is_number_unsigned() || value.get<std::uint64_t>() == 0)
            fail(where, "expected an id (a whole number above 0), got " + value.dump());
        return value.get<std::uint64_t>();
    }
    int budget(const Json& object, const char* key, const std::string& where) const
    {
        const Json* v = field(object, key);
        if (!v)
            return NominationRound{}.watchBudget;
        if (!v->is_number_integer())
            fail(where + "." + key, "expected a whole number, got " + v->dump());
        const auto n = v->get<std::int64_t>();
        if (n < 0 || n > kMaxNominationBudget)
            fail(where + "." + key, "a budget runs from 0 to " + std::to_string(kMaxNominationBudget)
                                        + ", got " + std::to_string(n));
        return static_cast<int>(n);
    }
    std::vector<std::string> strings(const Json& object, const char* key, const std::string& where) const
    {
        std::vector<std::string> out;
        const Json* v = field(object, key);
        if (!v)
            return out;
        const Json& list = array(*v, where + "." + key);
        for (std::size_t k = 0; k < list.size(); ++k) {
            if (!list[k].is_string())
                fail(where + "." + key + "[" + std::to_string(k) + "]",
                     "expected a string, got " + std::string(list[k].type_name()));
            out.push_back(list[k].get<std::string>());
        }
        return out;
    }
    std::vector<ItemRef> items(const Json& object, const char* key, const std::string& where,
                               const ItemCodec& codec) const
    {
        std::vector<ItemRef> out;
        const Json* v = field(object, key);
        if (!v)
            return out;
        const std::string here = where + "." + key;
        const Json& list = array(*v, here);
        for (std::size_t i = 0; i < list.size(); ++i)
            out.push_back(codec.read(list[i], here + "[" + std::to_string(i) + "]"));
        return out;
    }
    Ballot ballot(const Json& b, const std::string& at, const ItemCodec& codec) const
    {
        if (!b.is_object())
            fail(at, "expected an object, got " + std::string(b.type_name()));
        return {string(b, "participant", at), items(b, "watch", at, codec),
                items(b, "stop", at, codec)};
    }
};

} // namespace causeway::mapdata
