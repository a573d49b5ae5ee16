#pragma once

#include "io/equationsign.h"

#include <optional>
#include <string>
#include <string_view>

// Private to io/equationsign.cpp: the tokens of an XMILE or Vensim equation. Names come out
// normalised as the importers normalise them; Vensim names may hold spaces ("IF THEN ELSE").
namespace causeway::equations {

enum class TokenKind { End, Number, Name, Operator, Compare, Logical, Open, Close, Comma };

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text; // names normalised; operators as written; Vensim's :AND: as "and"
    double number = 0;
    bool quoted = false;
};

// Thrown for anything the parser does not understand: the whole equation is then Unknown.
struct ParseError {};

class Lexer {
public:
    Lexer(std::string_view text, Dialect dialect) : m_text(text), m_dialect(dialect) {}

    const Token& peek();
    Token next();
    // Consumes the next token when it is of `kind` (and reads `text`, when given).
    bool accept(TokenKind kind, std::string_view text = {});
    // The raw text up to the ')' closing the call being read, which it consumes (for Vensim's
    // WITH LOOKUP table, which is no expression).
    std::string_view rawUntilClose();

private:
    Token read();
    Token name();

    std::string_view m_text;
    Dialect m_dialect;
    std::size_t m_pos = 0;
    std::optional<Token> m_peeked;
};

} // namespace causeway::equations
