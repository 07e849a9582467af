// fuzz_app — the whole App as the page drives it (window.explainer, the
// keyboard and the pointer), with arbitrary bytes as every text it takes (a
// search query, a filter, a link, a step or entity id) and as where the
// pointer rests and whether it is pressed. After every operation a frame is
// drawn headless and state() must be valid JSON, as must the reader state
// handed to the host; nothing may abort (a query cut inside a character
// once aborted the JSON writer; a name hovered as the step changed once read
// past the story's entities). Runs on the null host (host_null.cpp), with
// the real story and DejaVu Sans (Debian's fonts-dejavu-core).
#include <cfloat>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "app.h"
#include "core/text/file_text.h"
#include "fuzz_support.h"
#include "headless_ui.h"
#include "host_null.h"
#include "runner.h"

namespace ui = explainer::ui;

namespace {

struct Ui : headless_ui::Ui {
    Ui() : headless_ui::Ui(FONT_FILE) {
        if (!ok) __builtin_trap();
        std::string story;
        if (explainer::file_text::read(STORY_FILE, story) != explainer::file_text::Read::Ok) __builtin_trap();
        std::vector<std::string> problems;
        if (!app.load(story, problems)) __builtin_trap();
    }
};

Ui& shared_ui() {
    static Ui* u = new Ui();   // made once: loading and laying out the story is the slow part
    return *u;
}

bool valid_json(const std::string& text) {
    return !nlohmann::json::parse(text, nullptr, false).is_discarded();
}

// An operation byte this high moves the pointer. The pointer came after most
// regression inputs were found: every byte below it keeps the meaning it had
// (op % 14), so 103 of those 107 still make the calls they were found with.
constexpr std::uint8_t kPointerOp = 250;

// Bytes of the input, consumed from the front.
struct Input {
    const std::uint8_t* p;
    std::size_t n;
    std::uint8_t byte() {
        if (!n) return 0;
        --n;
        return *p++;
    }
    std::string text() {   // up to 255 arbitrary bytes
        std::size_t len = byte();
        if (len > n) len = n;
        std::string out(reinterpret_cast<const char*>(p), len);
        p += len;
        n -= len;
        return out;
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Ui& u = shared_ui();
    ui::app::App& app = u.app;
    app.set_query("");
    app.set_filter("");
    app.open_link("", false);
    // The pointer away and up, and a frame drawn: what the last input left
    // (the names drawn, a press) must not decide this one, or a finding
    // would not replay alone.
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = {-FLT_MAX, -FLT_MAX};
    io.MouseDown[0] = false;
    null_host::now += 16;
    u.runner->frame({640, 480, 1.0f}, null_host::now);
    Input in{data, size};
    for (int ops = 0; in.n && ops < 64; ++ops) {
        const std::uint8_t op = in.byte();
        if (op >= kPointerOp) {   // the pointer: where it rests (over a node, a name, a line's label) and its button
            io.MousePos = {in.byte() * 5.0f, in.byte() * 3.0f};
            io.MouseDown[0] = in.byte() & 1;
        } else switch (op % 14) {
            case 0: app.set_query(in.text()); break;
            case 1: app.set_filter(in.text()); break;
            case 2: app.open_link(in.text(), in.byte() & 1); break;
            case 3: app.go_id(in.text()); break;
            case 4: app.select_id(in.text()); break;
            case 5: app.next(); break;
            case 6: app.prev(); break;
            case 7: app.uncover(); break;
            case 8: app.replay(); break;
            case 9: app.go(static_cast<int>(in.byte()) - 8); break;
            case 10: app.key(static_cast<ImGuiKey>(in.byte() % ImGuiKey_COUNT), in.byte() & 1); break;
            case 11: app.zoom_by(0.25f + in.byte() / 64.0f, in.byte() * 5.0f, in.byte() * 3.0f); break;
            case 12: app.request_picture(); break;
            default: null_host::now += in.byte() * 16.0; break;   // time passes: animations run
        }
        null_host::now += 16;
        const float w = 320.0f + (ops % 4) * 320.0f, h = 480.0f + (ops % 3) * 200.0f;
        u.runner->frame({w, h, 1.0f}, null_host::now);
        app.idle(null_host::now);
        (void)app.take_picture();
        FUZZ_ASSERT(valid_json(app.state_json()));
        FUZZ_ASSERT(null_host::reader_state.empty() || valid_json(null_host::reader_state));
    }
    return 0;
}
