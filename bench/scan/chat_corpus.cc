#include "chat_corpus.h"

#include <random>

namespace hegui::scan {
namespace {

const char* const kZhWords[] = {
    "我们", "今天", "明天", "这个", "问题",   "模型", "输出", "可以",   "帮我", "写一段",
    "代码", "会议", "时间", "地点", "项目",   "进度", "报告", "客户",   "需求", "测试",
    "上线", "谢谢", "请问", "怎么", "为什么", "数据", "分析", "一下",   "北京", "上海",
    "深圳", "公司", "产品", "用户", "体验",   "优化", "性能", "服务器", "网络", "安全",
    "合规", "文档", "翻译", "总结", "的",     "了",   "是",   "在",     "和",   "有",
    "也",   "就",   "都",   "很",   "吗",     "吧",   "，",   "。",     "？",   "！"};
const char* const kEnWords[] = {
    "the",   "model", "please", "summarize", "this",  "meeting", "notes", "and",     "write", "a",
    "short", "email", "to",     "customer",  "about", "deploy",  "API",   "latency", "is",    "ok",
    "can",   "you",   "check",  "logs",      "for",   "error",   "in",    "Python",  "code",  "?"};
const char* const kPi[] = {"手机13812345678",
                           "电话 138-1234-5678",
                           "邮箱 zhang.san@example.com",
                           "身份证号11010519491231002X",
                           "卡号6222021234567890128",
                           "IP 192.168.10.23",
                           "车牌京A12345",
                           "call me at +86 139 1234 5678"};

}  // namespace

std::string MakeChatCorpus() {
  std::mt19937 rng(1);
  std::string out;
  out.reserve(kChatCorpusBytes + 256);
  while (out.size() < kChatCorpusBytes) {
    // One chat message: mostly Chinese, some English, now and then PI.
    int words = 8 + static_cast<int>(rng() % 30);
    bool english = rng() % 4 == 0;
    for (int i = 0; i < words; ++i) {
      if (english) {
        out += kEnWords[rng() % std::size(kEnWords)];
        out += ' ';
      } else {
        out += kZhWords[rng() % std::size(kZhWords)];
      }
      if (rng() % 50 == 0) out += kPi[rng() % std::size(kPi)];
    }
    out += '\n';
  }
  return out;
}

}  // namespace hegui::scan
