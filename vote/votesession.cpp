// A round open to phones: joining, reading the round and casting ballots, each checked by the
// model's round rules and committed before it is acknowledged.
#include "vote/votesession.h"

#include "model/nominations.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <random>

namespace causeway::vote {

namespace {

using Json = nlohmann::json;

Reply refuse(int status, const std::string& message)
{
    return {status, Json{{"error", message}}.dump()};
}

Reply ok(const Json& body)
{
    return {200, body.dump()};
}

std::string itemId(ItemRef item)
{
    return item.isLink() ? "l" + std::to_string(item.link.value) : "f" + std::to_string(item.factor.value);
}

// "f12" or "l3", naming an item of the map; nullopt for anything else.
std::optional<ItemRef> parseItemId(const SystemMap& map, const Json& value)
{
    if (!value.is_string())
        return std::nullopt;
    const std::string text = value.get<std::string>();
    if (text.size() < 2 || text.size() > 21 || (text[0] != 'f' && text[0] != 'l'))
        return std::nullopt;
    std::uint64_t n = 0;
    for (std::size_t i = 1; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9' || n > (UINT64_MAX - 9) / 10)
            return std::nullopt;
        n = n * 10 + static_cast<std::uint64_t>(text[i] - '0');
    }
    if (text[0] == 'f')
        return map.contains(FactorId(n)) ? std::optional(ItemRef::of(FactorId(n))) : std::nullopt;
    return map.contains(LinkId(n)) ? std::optional(ItemRef::of(LinkId(n))) : std::nullopt;
}

Json idsOf(const std::vector<ItemRef>& items)
{
    Json out = Json::array();
    for (ItemRef i : items)
        out.push_back(itemId(i));
    return out;
}

bool blank(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

} // namespace

std::string makeJoinCode(std::size_t length)
{
    static constexpr std::string_view alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    std::random_device device;
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::string code;
    for (std::size_t i = 0; i < length; ++i)
        code += alphabet[pick(device)];
    return code;
}

std::string makeToken()
{
    // std::random_device reads the kernel's generator (getrandom) on Linux.
    std::random_device device;
    static constexpr std::string_view hex = "0123456789abcdef";
    std::string token;
    for (int word = 0; word < 4; ++word) {
        std::uint32_t bits = device();
        for (int nibble = 0; nibble < 8; ++nibble, bits >>= 4)
            token += hex[bits & 0xF];
    }
    return token;
}

VoteSession::VoteSession(SystemMap map, std::string roundName, std::string joinCode, Commit commit,
                         Limits limits)
    : m_map(std::move(map)), m_round(std::move(roundName)), m_joinCode(std::move(joinCode)),
      m_commit(std::move(commit)), m_limits(limits)
{
    const NominationRound* round = findRound(m_map, m_round);
    if (!round)
        throw EditError("The map has no round named '" + m_round + "'.");
    if (round->closed)
        throw EditError("Round '" + m_round + "' is closed; reopen it to take ballots.");
    if (m_joinCode.empty())
        throw EditError("A join code cannot be empty.");
}

const NominationRound& VoteSession::theRound() const
{
    return *findRound(m_map, m_round);
}

const std::string* VoteSession::participantOf(std::string_view token) const
{
    auto it = m_tokens.find(token);
    return it == m_tokens.end() ? nullptr : &it->second;
}

Reply VoteSession::join(std::string_view code, std::string_view name)
{
    std::lock_guard lock(m_mutex);
    if (code != m_joinCode)
        return refuse(403, "That join code is not this room's. Check the code on the screen.");
    if (theRound().closed)
        return refuse(409, "The round is closed.");
    if (blank(name))
        return refuse(400, "Please enter your name.");
    if (name.size() > m_limits.maxNameBytes)
        return refuse(400, "Names are at most " + std::to_string(m_limits.maxNameBytes) + " bytes.");
    if (m_joined.size() >= m_limits.maxParticipants)
        return refuse(429, "This round already has " + std::to_string(m_limits.maxParticipants) +
                               " participants, the most it takes.");
    const NominationRound& round = theRound();
    // An anonymous round records a code, never the name typed in.
    std::string participant = round.anonymous ? nextParticipantCode(round) : trimmed(name);
    for (const auto& [token, who] : m_tokens)
        if (who == participant)
            return refuse(409, "Someone has already joined as '" + participant +
                                   "'. If that was you, open the page on the phone you joined with.");
    const SystemMap before = m_map;
    if (round.anonymous || std::find(round.participants.begin(), round.participants.end(), participant) ==
                               round.participants.end()) {
        NominationRound changed = round;
        changed.participants.push_back(participant);
        updateRound(m_map, m_round, changed);
    }
    std::string token = makeToken();
    Reply reply = commitOrUndo(before, ok(Json{{"token", token}, {"participant", participant}}));
    if (reply.status == 200) {
        m_tokens.emplace(std::move(token), participant);
        m_joined.push_back(std::move(participant));
    }
    return reply;
}

Reply VoteSession::round(std::string_view token) const
{
    std::lock_guard lock(m_mutex);
    const std::string* who = participantOf(token);
    if (!who)
        return refuse(401, "Join the round first: your token is missing or no longer valid.");
    const NominationRound& r = theRound();
    Json items = Json::array();
    for (const Factor& f : m_map.factors())
        items.push_back({{"id", itemId(ItemRef::of(f.id))}, {"kind", "factor"}, {"label", f.label}, {"group", f.group}});
    if (r.allowLinks)
        for (const Link& l : m_map.links())
            items.push_back({{"id", itemId(ItemRef::of(l.id))}, {"kind", "link"},
                             {"label", itemName(m_map, ItemRef::of(l.id))}, {"polarity", polaritySymbol(l.polarity)}});
    Json mine = nullptr;
    for (const Ballot& b : r.ballots)
        if (b.participant == *who)
            mine = {{"watch", idsOf(b.watch)}, {"stop", idsOf(b.stop)}};
    return ok({{"round", r.name}, {"question", r.question}, {"participant", *who},
               {"watchBudget", r.watchBudget}, {"stopBudget", r.stopBudget},
               {"state", r.closed ? "closed" : "open"}, {"items", items}, {"ballot", mine}});
}

Reply VoteSession::putBallot(std::string_view token, std::string_view body)
{
    std::lock_guard lock(m_mutex);
    const std::string* who = participantOf(token);
    if (!who)
        return refuse(401, "Join the round first: your token is missing or no longer valid.");
    if (theRound().closed)
        return refuse(409, "The round is closed: no more ballots are taken.");
    const Json json = Json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded() || !json.is_object())
        return refuse(400, "The ballot is not a JSON object.");
    Ballot ballot{*who, {}, {}};
    for (const char* kind : {"watch", "stop"}) {
        auto list = json.find(kind);
        if (list == json.end() || list->is_null())
            continue;
        if (!list->is_array())
            return refuse(400, std::string("\"") + kind + "\" must be a list of item ids.");
        for (const Json& id : *list) {
            const auto item = parseItemId(m_map, id);
            if (!item)
                return refuse(422, "'" + id.dump() + "' is not an item of this map.");
            (std::string_view(kind) == "watch" ? ballot.watch : ballot.stop).push_back(*item);
        }
    }
    const SystemMap before = m_map;
    try {
        castBallot(m_map, m_round, ballot);
    } catch (const EditError& e) {
        return refuse(422, e.what());
    }
    return commitOrUndo(before, ok({{"accepted", true}, {"watch", idsOf(ballot.watch)}, {"stop", idsOf(ballot.stop)}}));
}

Reply VoteSession::commitOrUndo(const SystemMap& before, Reply accepted)
{
    try {
        if (m_commit)
            m_commit(m_map);
    } catch (const std::exception& e) {
        m_map = before;
        return refuse(503, std::string("The ballot could not be saved, so it was not taken: ") + e.what());
    }
    ++m_version;
    return accepted;
}

RoomStatus VoteSession::status() const
{
    std::lock_guard lock(m_mutex);
    const NominationRound& r = theRound();
    RoomStatus s{r.name, !r.closed, m_joined, {}, m_version};
    for (const Ballot& b : r.ballots)
        s.voted.push_back(b.participant);
    return s;
}

bool VoteSession::removeParticipant(std::string_view name)
{
    std::lock_guard lock(m_mutex);
    bool found = false;
    for (auto it = m_tokens.begin(); it != m_tokens.end();) {
        if (it->second == name) {
            it = m_tokens.erase(it);
            found = true;
        } else {
            ++it;
        }
    }
    std::erase(m_joined, std::string(name));
    const SystemMap before = m_map;
    if (!theRound().closed && withdrawBallot(m_map, m_round, name)) // a closed round's ballots are frozen
        found = true;
    if (found && commitOrUndo(before, {}).status != 200)
        throw EditError("The participant's ballot could not be withdrawn: the map could not be saved.");
    return found;
}

void VoteSession::close()
{
    std::lock_guard lock(m_mutex);
    if (theRound().closed)
        return;
    const SystemMap before = m_map;
    NominationRound r = theRound();
    r.closed = true;
    updateRound(m_map, m_round, r);
    if (commitOrUndo(before, {}).status != 200)
        throw EditError("The round could not be closed: the map could not be saved.");
}

bool VoteSession::isOpen() const
{
    std::lock_guard lock(m_mutex);
    return !theRound().closed;
}

SystemMap VoteSession::snapshot() const
{
    std::lock_guard lock(m_mutex);
    return m_map;
}

} // namespace causeway::vote
