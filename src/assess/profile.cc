#include "assess/profile.h"

namespace hegui::assess {

const ProfileNode* ProfileNode::Find(std::string_view dotted_path) const {
  const ProfileNode* node = this;
  while (!dotted_path.empty()) {
    if (node->kind != Kind::kObject) return nullptr;
    size_t dot = dotted_path.find('.');
    auto it = node->fields.find(std::string(dotted_path.substr(0, dot)));
    if (it == node->fields.end()) return nullptr;
    node = &it->second;
    dotted_path = dot == std::string_view::npos ? std::string_view() : dotted_path.substr(dot + 1);
  }
  return node;
}

std::optional<bool> ProfileNode::Bool(std::string_view path) const {
  const ProfileNode* n = Find(path);
  if (n == nullptr || n->kind != Kind::kBool) return std::nullopt;
  return n->boolean;
}

std::optional<int64_t> ProfileNode::Int(std::string_view path) const {
  const ProfileNode* n = Find(path);
  if (n == nullptr || n->kind != Kind::kInt) return std::nullopt;
  return n->integer;
}

std::optional<std::string> ProfileNode::Text(std::string_view path) const {
  const ProfileNode* n = Find(path);
  if (n == nullptr || n->kind != Kind::kText) return std::nullopt;
  return n->text;
}

const std::vector<std::string>* ProfileNode::List(std::string_view path) const {
  const ProfileNode* n = Find(path);
  if (n == nullptr || n->kind != Kind::kList) return nullptr;
  return &n->list;
}

const std::vector<ProfileNode>& ProfileNode::Items(std::string_view path) const {
  static const std::vector<ProfileNode> kEmpty;
  const ProfileNode* n = Find(path);
  if (n == nullptr || n->kind != Kind::kObjectList) return kEmpty;
  return n->items;
}

}  // namespace hegui::assess
