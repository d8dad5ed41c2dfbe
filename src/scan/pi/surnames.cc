#include "scan/pi/surnames.h"

#include <algorithm>
#include <array>

#include "scan/pi/pi_text.h"

namespace hegui::scan {
namespace {

constexpr std::u32string_view kSingle =
    U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    U"魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛"
    U"郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦"
    U"俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房"
    U"滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应"
    U"臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁"
    U"胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰"
    U"支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜"
    U"印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧"
    U"闭由钮邴糜淦侍仉岳荀";

constexpr std::u32string_view kCompound =
    U"欧阳司马上官诸葛东方皇甫尉迟公孙慕容长孙宇文司徒夏侯令狐端木西门南宫独孤轩辕呼延万俟闻人"
    U"澹台公冶太史申屠钟离宗政濮阳淳于单于赫连拓跋百里东郭第五";
static_assert(kCompound.size() % 2 == 0);

constexpr auto kSortedSingle = [] {
  std::array<char32_t, kSingle.size()> sorted{};
  std::copy(kSingle.begin(), kSingle.end(), sorted.begin());
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}();

}  // namespace

size_t SurnameBytesAt(std::string_view text, size_t pos) {
  const char32_t first = pi_text::Decode3At(text, pos);
  if (first == 0) return 0;
  const char32_t second = pi_text::Decode3At(text, pos + 3);
  if (second != 0) {
    for (size_t i = 0; i < kCompound.size(); i += 2) {
      if (kCompound[i] == first && kCompound[i + 1] == second) return 6;
    }
  }
  return std::binary_search(kSortedSingle.begin(), kSortedSingle.end(), first) ? 3 : 0;
}

}  // namespace hegui::scan
