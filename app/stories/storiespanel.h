#pragma once

// The Stories panel: authoring the stories a facilitator plays in presentation.

#include "model/loops.h"

#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QListWidget;
class QMainWindow;

namespace causeway {

class CanvasEmphasis;
class CanvasScene;
class Document;
struct Story;

// Creates, renames and deletes stories and adds, removes and reorders their steps: a focus on
// the selected factor, a walk through the highlighted loop (or the selected links that make
// one), or a reveal of the selected factors and links. Each edit is one undo step (the map's
// data, through Document::updateMapData). A step an edit broke is flagged with an icon and a
// tooltip saying what is missing; presentation skips it. Play presents the current story.
class StoriesPanel : public QWidget {
    Q_OBJECT
public:
    // `emphasis` is the editor's highlight (the Loops panel's loop); `present` opens the
    // presentation (View › Present).
    StoriesPanel(CanvasScene* scene, CanvasEmphasis* emphasis, QAction* present,
                 QWidget* parent = nullptr);

    // The panel as a dock of `window`, tabbed with `besides`; listed in View with the others.
    static StoriesPanel* install(QMainWindow* window, CanvasScene* scene, CanvasEmphasis* emphasis,
                                 QAction* present, QDockWidget* besides);

    int currentStory() const; // index in the map's stories, -1 when there are none
    void setCurrentStory(int index);
    int currentStep() const; // -1 when none is chosen
    void setCurrentStep(int index);
    QComboBox* storyBox() const { return m_stories; }
    QListWidget* stepList() const { return m_steps; }
    QString status() const;

    // ---- edits (one undo step each; false with a status message when refused)
    bool newStory(const QString& name);
    bool renameStory(const QString& name);
    bool deleteStory();
    bool addFocusStep(int steps); // on the one selected factor, 1 or 2 links out
    bool addLoopStep();           // the highlighted loop, or the selected links if they make one
    bool addRevealStep();         // the selected factors and links
    bool removeStep();
    bool moveStep(int delta);
    bool setStepCaption(const QString& caption);
    // Presents the current story from its title (F5's presentation, playing it).
    bool play();

    // The loop a loop step would walk: the editor's highlighted loop, else the selected links.
    std::optional<Loop> pickedLoop() const;

    QAction* playAction() const { return m_play; }

private:
    void buildActions();
    void buildLayout();
    void refresh();
    void updateButtons();
    void say(const QString& message);
    // One undo step named `action`: the stories after `change`, which may refuse by returning false.
    bool edit(const QString& action, const std::function<bool(std::vector<Story>&)>& change);
    bool addStep(const QString& action, const struct StoryStep& step);
    // The dialogs behind the buttons.
    void askNewStory();
    void askRename();
    void askCaption();

    Document* m_document;
    CanvasScene* m_scene;
    CanvasEmphasis* m_emphasis;
    QAction* m_present;
    QWidget* m_mainWindow = nullptr; // where the presentation opens; set by install (a dock may float)
    QComboBox* m_stories;
    QListWidget* m_steps;
    QLabel* m_status;
    std::string m_currentName; // kept across edits, which rebuild the lists
    int m_wantedStep = -1;
    bool m_refreshing = false;
    bool m_editing = false;
    QAction* m_new;
    QAction* m_rename;
    QAction* m_delete;
    QAction* m_focus1;
    QAction* m_focus2;
    QAction* m_loop;
    QAction* m_reveal;
    QAction* m_up;
    QAction* m_down;
    QAction* m_remove;
    QAction* m_caption;
    QAction* m_play;
};

} // namespace causeway
