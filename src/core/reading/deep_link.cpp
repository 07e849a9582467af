#include "core/reading/deep_link.h"


namespace explainer::deep_link {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool percent_decode(std::string_view in, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '%') {
            out += in[i];
            continue;
        }
        if (i + 2 >= in.size()) return false;
        const int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
        if (hi < 0 || lo < 0) return false;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return true;
}

}  // namespace

std::string shown(std::string_view id) {
    std::string out;
    for (char c : id) {
        if (out.size() >= 40) {
            out += "...";
            break;
        }
        out += (c >= 0x20 && c < 0x7F) ? c : '?';
    }
    return "\"" + out + "\"";
}

Link parse(std::string_view f) {
    Link link;
    if (!f.empty() && f.front() == '#') f.remove_prefix(1);
    if (f.size() > kMaxFragment) {
        link.status = Link::Status::TooLong;
        return link;
    }
    if (!f.empty() && f.front() == '/') f.remove_prefix(1);
    while (!f.empty() && f.back() == '/') f.remove_suffix(1);   // "#/step/" is "#/step"
    if (f.empty()) return link;                                  // Empty
    const auto slash = f.find('/');
    const std::string_view step = f.substr(0, slash);
    const std::string_view entity = slash == std::string_view::npos ? std::string_view() : f.substr(slash + 1);
    // An id is at most kMaxSlugLength characters: anything longer is no id of
    // any story (and its canonical form could outgrow kMaxFragment).
    if (entity.find('/') != std::string_view::npos || step.empty() ||
        !percent_decode(step, link.step) || !percent_decode(entity, link.entity) ||
        link.step.size() > story::kMaxSlugLength || link.entity.size() > story::kMaxSlugLength) {
        link.step.clear();
        link.entity.clear();
        link.status = Link::Status::Malformed;
        return link;
    }
    link.status = Link::Status::Ok;
    return link;
}

std::string format(std::string_view step_id, std::string_view entity_id) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out = "#/";
    auto append = [&](std::string_view id) {
        for (char ch : id) {
            const auto c = static_cast<unsigned char>(ch);
            const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                               (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
            if (plain) {
                out += ch;
            } else {
                out += '%';
                out += kHex[c >> 4];
                out += kHex[c & 15];
            }
        }
    };
    append(step_id);
    if (!entity_id.empty()) {
        out += '/';
        append(entity_id);
    }
    return out;
}

Target resolve(const story::Story& s, std::string_view fragment) {
    const Link link = parse(fragment);
    Target t;
    switch (link.status) {
        case Link::Status::Empty: return t;
        case Link::Status::TooLong:
            t.notice = "That link is too long to be one of ours; starting from the beginning.";
            break;
        case Link::Status::Malformed:
            t.notice = "That link is not in a form we recognise; starting from the beginning.";
            break;
        case Link::Status::Ok: {
            const int step = s.find_step(link.step);
            if (step < 0) {
                t.notice = "No step called " + shown(link.step) + " in this story; starting from the beginning.";
                break;
            }
            t.step = step;
            if (link.entity.empty()) break;
            t.entity = s.find_entity(link.entity);
            if (t.entity < 0)
                t.notice = "Nothing called " + shown(link.entity) + " in this story; showing the step without a selection.";
            break;
        }
    }
    const auto& step_id = s.steps[static_cast<std::size_t>(t.step)].id;
    t.canonical = t.entity < 0 ? format(step_id) : format(step_id, s.entities[static_cast<std::size_t>(t.entity)].id);
    return t;
}

}  // namespace explainer::deep_link
