// Presentation stories as JSON: the native file's "stories" section (docs/file-format.md).
#include "io/mapdata.h"

#include "io/mapdatareader.h"
#include "io/mapschema.h"
#include "model/stories.h"

namespace causeway::mapdata {

namespace {

template <typename Id>
Json idList(const std::vector<Id>& ids)
{
    Json out = Json::array();
    for (Id id : ids)
        out.push_back(id.value);
    return out;
}

Json stepJson(const StoryStep& step)
{
    Json j = Json::object();
    j["kind"] = storyStepKindName(step.kind);
    switch (step.kind) {
    case StoryStepKind::Focus:
        j["factor"] = step.focus.value;
        if (step.focusSteps != 1)
            j["reach"] = step.focusSteps;
        break;
    case StoryStepKind::Loop: j["links"] = idList(step.loop); break;
    case StoryStepKind::Reveal:
        j["factors"] = idList(step.factors);
        j["links"] = idList(step.links);
        break;
    }
    if (!step.caption.empty())
        j["caption"] = step.caption;
    mapschema::appendExtra(j, step.extra, mapschema::kStoryStepKeys);
    return j;
}

template <typename Id>
std::vector<Id> readIds(const Reader& read, const Json& object, const char* key, const std::string& where)
{
    std::vector<Id> out;
    const Json* v = read.field(object, key);
    if (!v)
        return out;
    const std::string here = where + "." + key;
    const Json& list = read.array(*v, here);
    for (std::size_t k = 0; k < list.size(); ++k)
        out.push_back(Id(read.id(list[k], here + "[" + std::to_string(k) + "]")));
    return out;
}

StoryStep readStep(const Reader& read, const Json& object, const std::string& where)
{
    if (!object.is_object())
        read.fail(where, "expected an object, got " + std::string(object.type_name()));
    StoryStep step;
    const std::string kind = read.string(object, "kind", where);
    const auto parsed = parseStoryStepKind(kind);
    if (!parsed)
        read.fail(where + ".kind", "expected \"focus\", \"loop\" or \"reveal\", got \"" + kind + "\"");
    step.kind = *parsed;
    step.caption = read.string(object, "caption", where);
    switch (step.kind) {
    case StoryStepKind::Focus: {
        const Json* factor = read.field(object, "factor");
        if (!factor)
            read.fail(where, "a focus step needs \"factor\"");
        step.focus = FactorId(read.id(*factor, where + ".factor"));
        if (const Json* reach = read.field(object, "reach")) {
            if (!reach->is_number_integer() || reach->get<std::int64_t>() < 1 || reach->get<std::int64_t>() > 2)
                read.fail(where + ".reach", "a focus reaches 1 or 2 links out, got " + reach->dump());
            step.focusSteps = reach->get<int>();
        }
        break;
    }
    case StoryStepKind::Loop: step.loop = readIds<LinkId>(read, object, "links", where); break;
    case StoryStepKind::Reveal:
        step.factors = readIds<FactorId>(read, object, "factors", where);
        step.links = readIds<LinkId>(read, object, "links", where);
        break;
    }
    step.extra = mapschema::extraFields(object, mapschema::kStoryStepKeys);
    return step;
}

} // namespace

Json storiesJson(const SystemMap& map)
{
    Json out = Json::array();
    for (const Story& story : map.stories()) {
        Json steps = Json::array();
        for (const StoryStep& step : story.steps)
            steps.push_back(stepJson(step));
        Json j = {{"name", story.name}, {"steps", std::move(steps)}};
        mapschema::appendExtra(j, story.extra, mapschema::kStoryKeys);
        out.push_back(std::move(j));
    }
    return out;
}

void readStories(const Json& value, SystemMap& map, const std::string& prefix)
{
    const Reader read{prefix};
    const Json& list = read.array(value, "stories");
    std::vector<Story> stories;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string where = "stories[" + std::to_string(i) + "]";
        if (!list[i].is_object())
            read.fail(where, "expected an object, got " + std::string(list[i].type_name()));
        Story story;
        story.name = read.string(list[i], "name", where);
        if (const Json* steps = read.field(list[i], "steps")) {
            const Json& items = read.array(*steps, where + ".steps");
            for (std::size_t k = 0; k < items.size(); ++k)
                story.steps.push_back(readStep(read, items[k], where + ".steps[" + std::to_string(k) + "]"));
        }
        story.extra = mapschema::extraFields(list[i], mapschema::kStoryKeys);
        // Checked one at a time so a refusal names the story it is about.
        std::vector<Story> checked = stories;
        checked.push_back(story);
        try {
            replaceStories(map, std::move(checked));
        } catch (const EditError& e) {
            read.fail(where, e.what());
        }
        stories.push_back(std::move(story));
    }
}

} // namespace causeway::mapdata
