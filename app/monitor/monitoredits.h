#pragma once

#include "model/indicator.h"
#include "model/nomination.h"

#include <QString>

#include <optional>

namespace causeway {

class Document;

// Monitoring edits of the map, each one undo step through Document::applyChanges (the map's own
// history; the data beside it is not part of it).

// Sets, replaces or (nullopt) removes the indicator of a factor or link. Refuses a nameless or
// otherwise unkeepable indicator with the model's reason in `error`.
bool setItemIndicator(Document* document, ItemRef item, std::optional<Indicator> indicator, QString* error);

// Drafts the monitoring plan from a revealed round in one step: its top `top` watch items (ties
// kept) each get a draft indicator unless they have one, its stop items become the list to review.
bool draftPlanFromRound(Document* document, const QString& round, int top, QString* error);

} // namespace causeway
