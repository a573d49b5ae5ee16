// Model strings (UTF-8 std::string) and paths across the Qt boundary, written once for app/.
#pragma once

#include <QFile>
#include <QLocale>
#include <QString>

#include <cstdint>
#include <string>

namespace causeway {

inline QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

// A path as the file functions of io/ take it (the file system's encoding).
inline std::string nativePath(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}

// A count as the reader's locale writes it ("1,234,567").
inline QString countText(std::uint64_t n)
{
    return QLocale().toString(qulonglong(n));
}

} // namespace causeway
