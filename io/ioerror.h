#pragma once

#include <stdexcept>
#include <string>

namespace causeway {

// A file could not be read or written. The message names what and where ("line 12: ...",
// "factors[3].id: ..."), ready to show to a user as it is.
class IoError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace causeway
