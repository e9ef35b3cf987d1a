"""Regenerate xhscover_zh_CN.ts from the sources and compile the .qm.

Run: .venv/bin/python xhscover/ui/i18n/make_ts.py
pyside6-lupdate extracts the strings; module-level `tr()` helpers get their runtime context
(file name) here, and the Chinese texts below fill the translations.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
BIN = Path(sys.executable).parent
TS = HERE / "xhscover_zh_CN.ts"

ZH = {
    # importing competitors from screenshots (ui/shelf_import_dialog.py, the 竞品 menu, the feed dock)
    "Import competitors from screenshots": "从截图导入竞品", "Reading {0} screenshot(s)…": "正在识别 {0} 张截图…",
    "Nickname": "昵称", "Likes": "点赞", "Notes": "备注", "Import": "导入", "Import {0} card(s)": "导入 {0} 张卡片",
    "Reading {0} ({1} of {2})…": "正在识别 {0}（第 {1} / {2} 张）…",
    "{0} card(s) found in {1} screenshot(s); untick the ones to leave out.":
        "在 {1} 张截图中找到 {0} 张卡片；取消勾选不想导入的卡片。",
    "No feed grid found in {0}": "{0} 里没有找到信息流", "video": "视频", "cut at the top": "上方被截断", "cut at the bottom": "下方被截断",
    "something lies over it": "被遮挡", "same as {0} #{1}": "与 {0} 第 {1} 张重复", "likes not read": "点赞数未识别",
    "Screenshots of the feed or search results": "发现页或搜索结果的截图",
    "Screenshots (*.png *.jpg *.jpeg *.webp)": "截图 (*.png *.jpg *.jpeg *.webp)",
    "Co&mpetitors": "竞品(&M)", "From &screenshots…": "从截图导入(&S)…", "From a &folder…": "从文件夹导入(&F)…",
    "S&ample shelf": "示例货架(&A)",
    "Drop screenshots of the feed or search results here to import competitors":
        "把发现页或搜索结果的截图拖到这里，导入为竞品",
    "Change feed device": "更换预览机型", "Change feed theme": "更换预览主题", "Change feed page": "更换预览页面",
    "Change search query": "修改搜索词", "Change cover placement": "更改封面位置", "Move cover in the feed": "移动封面位置",
    "Shuffle the feed": "随机排列信息流", "Change feed settings": "修改信息流设置", "Import competitors": "导入竞品",
    "Use the sample shelf": "使用示例货架", "Edit competitor title": "修改竞品标题",
    "Unsaved changes": "未保存的修改", "Save the changes to “{0}” before closing?": "关闭前保存对“{0}”的修改吗？",
    "Restore unsaved work": "恢复未保存的工作",
    "xhscover did not close properly. These projects have unsaved work:": "xhscover 没有正常退出。这些项目有未保存的工作：",
    "The first ticked project opens now; the others are kept as files under Recent files.":
        "勾选的第一个项目现在打开；其余的另存为文件，可在“最近打开”中找到。",
    "Restore": "恢复", "Ask me later": "以后再说", "Discard all": "全部丢弃", "Untitled project": "未命名项目",
    "Open project": "打开项目", "xhscover projects (*.xhscover)": "xhscover 项目 (*.xhscover)",
    "Save project": "保存项目", "Choose images": "选择图片",
    "Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)": "图片 (*.png *.jpg *.jpeg *.webp *.bmp *.gif)",
    "Export to folder": "导出到文件夹", "Export image": "导出图片", "Images (*.png *.jpg)": "图片 (*.png *.jpg)",
    "Choose colour": "选择颜色", "Change properties": "修改属性", "Move": "移动", "Add layer": "添加图层",
    "Delete": "删除", "Reorder": "调整顺序", "copy": "副本", "Duplicate": "复制", "Group": "编组",
    "Ungroup": "取消编组", "Show": "显示", "Hide": "隐藏", "Lock": "锁定", "Unlock": "解锁", "Rename": "重命名",
    "Replace image": "替换图片", "Background": "背景", "Image": "图片", "Duplicate variant": "复制方案",
    "Add variant": "添加方案", "Delete variant": "删除方案", "Rename variant": "重命名方案",
    "Change ratio": "更改比例", "Rotate": "旋转", "Resize": "调整大小", "Edit text": "编辑文字", "Colour": "颜色",
    "Gradient": "渐变", "Add stroke": "添加描边", "Remove stroke": "删除描边", "Pick": "吸管",
    "Pick a colour from the canvas": "从画布上吸取颜色", "Export": "导出", "All {0} variants": "全部 {0} 个方案",
    "Format": "格式", "Scale": "缩放", "Size": "尺寸", "JPEG quality": "JPEG 质量", "Lock / unlock": "锁定 / 解锁",
    "Up": "上移", "Bring forward": "上移一层", "Down": "下移", "Send backward": "下移一层", "Copy": "复制",
    "Group / ungroup": "编组 / 取消编组", "Del": "删除", "group": "编组", "locked": "已锁定", "Layers": "图层",
    "Properties": "属性", "&New…": "新建(&N)…", "&Open…": "打开(&O)…", "&Save": "保存(&S)",
    "Save &As…": "另存为(&A)…", "&Export…": "导出(&E)…", "&Close project": "关闭项目(&C)", "&Quit": "退出(&Q)",
    "&Undo": "撤销(&U)", "&Redo": "重做(&R)", "&Delete": "删除(&D)", "Dupli&cate": "复制(&C)",
    "&Group / ungroup": "编组 / 取消编组(&G)", "Select &all": "全选(&A)", "&Paste image": "粘贴图片(&P)",
    "Add &text": "添加文字(&T)", "Add &image…": "添加图片(&I)…", "&Fit to window": "适合窗口(&F)",
    "&Actual pixels (100%)": "实际像素 (100%)(&A)", "Zoom &in": "放大(&I)", "Zoom &out": "缩小(&O)",
    "&Safe area": "安全区(&S)", "&File": "文件(&F)", "Open &recent": "最近打开(&R)", "&Edit": "编辑(&E)",
    "&Insert": "插入(&I)", "&Arrange": "排列(&A)", "Align left": "左对齐", "Align centre": "水平居中",
    "Align right": "右对齐", "Align top": "顶部对齐", "Align middle": "垂直居中", "Align bottom": "底部对齐",
    "Distribute horizontally": "水平等距分布", "Distribute vertically": "垂直等距分布", "&View": "视图(&V)",
    "&Language": "语言(&L)", "System": "跟随系统", "Main": "主工具栏", "Language": "语言",
    "The language changes the next time xhscover starts.": "语言将在下次启动 xhscover 时生效。",
    "(none)": "（无）", "Untitled": "未命名", "Cannot use this layout": "无法使用这个版式",
    "Cannot open the project": "无法打开项目", "cover": "封面", "Could not save": "保存失败",
    "Saved {0}": "已保存 {0}", "Could not export": "导出失败", "Exported {0} file(s)": "已导出 {0} 个文件",
    "Text": "文字", "Double-click to edit": "双击编辑文字", "Add images": "添加图片",
    "Some images could not be added": "有些图片无法添加", "Cannot paste": "无法粘贴", "Align": "对齐",
    "Distribute": "分布", "Cannot open": "无法打开", "Not an image or an xhscover project:": "不是图片或 xhscover 项目：",
    "Cover {0} · background": "封面 {0} · 背景", "{0} layers": "{0} 个图层", "Position and size": "位置和大小",
    "Width": "宽", "Height": "高", "Rotation": "旋转", "Opacity": "不透明度", "Apply text": "应用文字",
    "Font": "字体", "Weight": "字重", "Italic": "斜体", "Fill": "填充", "Solid": "纯色", "Linear gradient": "线性渐变",
    "Radial gradient": "径向渐变", "Gradient angle": "渐变角度", "Strokes": "描边",
    "Shadow": "阴影", "Blur": "模糊", "Highlighter": "荧光笔", "Label box": "标签底框", "Padding X": "水平内边距",
    "Padding Y": "垂直内边距", "Radius": "圆角", "Letter spacing": "字间距", "Line height": "行高", "Left": "左",
    "Centre": "中", "Right": "右", "Vertical": "垂直", "Top": "顶部", "Middle": "居中", "Bottom": "底部",
    "Shrink to fit the box": "自动缩小以适应文本框", "Replace image…": "替换图片…", "Fit": "适应方式",
    "Fill (crop)": "填满（裁切）", "Fit inside": "完整显示", "Stretch": "拉伸", "Focal point": "焦点",
    "Crop": "裁剪", "Corner radius": "圆角", "Cannot use this image": "无法使用这张图片", "Shape": "形状",
    "Image dim": "图片压暗", "Image blur": "图片模糊", "Ratio": "比例",
    "Note title shown under the cover in the feed": "信息流中封面下方显示的笔记标题", "Note title": "笔记标题",
    "New cover from a layout": "从版式新建封面", "3:4 portrait": "3:4 竖版", "1:1 square": "1:1 方形",
    "4:3 landscape": "4:3 横版", "All": "全部", "Open project…": "打开项目…", "Blank cover": "空白封面",
    "Recent projects": "最近的项目", "Duplicate this variant (A/B test a new idea)": "复制当前方案（A/B 测试新想法）",
    "Name:": "名称：", "Rename…": "重命名…", "Cannot restore": "无法恢复",
    # genres (start page tabs)
    "Big title": "大字报", "Photo + title": "图片+标题", "Collage": "拼图", "Compare": "对比", "List": "清单",
    "Tutorial": "教程", "Product": "好物", "Place": "探店", "Plog": "Plog", "Knowledge": "干货", "Quote": "语录",
    "Other": "其他",
    # feed dock, score panel, insert tools (issues 4 and 5)
    "text": "文字", "Light": "浅色", "Dark": "深色", "Home feed": "首页推荐", "Search results": "搜索结果",
    "Search query": "搜索词", "Note title under your cover": "你的封面下方的笔记标题", "Slot": "指定位置",
    "Random": "随机", "Feed position of your cover (1 = top left)": "你的封面在信息流中的位置（1 = 左上）",
    "seed ": "种子 ", "Shuffle": "洗牌", "Random position and competitor order (next seed)": "随机位置和竞品顺序（下一个种子）",
    "All variants": "全部方案", "Show every variant of the project in the feed": "在信息流中显示项目的所有方案",
    "Fit screen": "适合首屏", "True size": "真实尺寸",
    "Screen DPI correction for true size: hold a ruler to the screen and adjust":
        "真实尺寸的屏幕 DPI 校正：拿尺子贴在屏幕上对照调整",
    "Squint": "眯眼看", "Blur the feed: only big shapes and contrasts remain": "模糊信息流：只留下大块形状和对比",
    "Heatmap": "热力图", "Attention heatmap over the first screen": "首屏注意力热力图", "Sample shelf": "示例货架",
    "Import folder…": "导入文件夹…", "Titles": "标题", "Edit the competitors' note titles": "编辑竞品的笔记标题",
    "Cover": "封面", "Title": "标题", "Competitors: {0} covers from {1}": "竞品：来自 {1} 的 {0} 个封面",
    "Competitors: bundled sample shelf ({0} covers)": "竞品：内置示例货架（{0} 个封面）",
    "Folder of competitor covers": "竞品封面文件夹", "Feed": "信息流", "Attention score": "注意力评分",
    "Rectangle": "矩形", "Rounded rectangle": "圆角矩形", "Ellipse": "椭圆", "Line": "直线", "Arrow": "箭头",
    "&Sticker…": "贴纸(&S)…", "Export &feed…": "导出信息流(&F)…", "&Heatmap on canvas": "画布热力图(&H)",
    "S&hape": "形状(&H)", "Export feed": "导出信息流", "PNG image (*.png)": "PNG 图片 (*.png)",
    "Exported {0} and {1}": "已导出 {0} 和 {1}", "No score yet": "尚无评分", "Scoring…": "正在评分…",
    "Scoring failed: {0}": "评分失败：{0}",
    "Rank {0} of {1} on this screen · fair ratio: computing…": "本屏 {1} 个中排第 {0} · 同位置对比：计算中…",
    # score panel: verdict line, plain-words tooltips, 帮我改 (issue 12)
    "好 (good): your cover wins more attention than an average competitor in the same spot, beyond placement "
    "luck. 一般 (OK): about the same. 弱 (weak): clearly less.":
        "好：你的封面比放在同一位置的普通竞品拿到更多注意力，而且不是摆放运气。一般：差不多。弱：明显更少。",
    "Share: how much of a reader's first look at the feed screen lands on your cover, as the attention model "
    "predicts it, averaged over many shuffles of the shelf; the range is the lowest and highest placement.":
        "份额：读者看信息流第一屏时，有多少注意力落在你的封面上（注意力模型的预测），"
        "在多次打乱货架后取平均；括号里是最差和最好的一次摆放。",
    "Fair ratio: your share divided by what an average competitor gets in the same spots. 1.0× is exactly "
    "average; 2.0× is twice its fair share. Rank: your place on the screen the feed shows.":
        "同位置对比：你的份额除以普通竞品放在同样位置时的份额。1.0 倍就是平均水平，2.0 倍是应得的两倍。"
        "排名：你在信息流当前这一屏里排第几。",
    "Scoring variant {0}": "正在评分的方案：{0}",
    "Share {0:.1f}% ({1:.1f}–{2:.1f}% over {3} placements)": "份额 {0:.1f}%（{3} 次摆放：{1:.1f}–{2:.1f}%）",
    "on this screen {0:.1f}%, rank {1} of {2} · ": "本屏 {0:.1f}%，第 {1}/{2} 名 · ",
    "fair ratio {0:.2f}×": "是同位置平均竞品的 {0:.2f} 倍", "Share {0:.1f}% on this screen": "本屏份额 {0:.1f}%",
    "Help me improve": "帮我改", "Cancel": "取消", "Apply as a new variant": "应用为新方案",
    "End preview": "结束预览",
    "Try up to 50 changes to this cover (title size, colours, outline, label, background, photo framing, other "
    "layouts, stickers; never the text) on this shelf and rank them by the attention they win.":
        "在这个货架上试最多 50 种改法（标题大小、颜色、描边、底块、背景、照片取景、其他版式、贴纸；文字内容不变），"
        "按拿到的注意力排名。",
    "Help me improve: {0} ({1:+.0f}%)": "帮我改：{0}（{1:+.0f}%）", "Trying changes on this shelf…": "正在这个货架上试各种改法…",
    "Help me improve failed: {0}": "帮我改失败：{0}", "Stopped.": "已停止。",
    "{0} of {1} tried; best so far (one placement per slot):": "已试 {0}/{1}；目前最好的（每个位置先摆一次）：",
    "{0:+.0f}% so far": "目前 {0:+.0f}%", "Help me improve {0}": "帮我改 {0}",
    "Insert sticker": "插入贴纸", "or type / paste an emoji, e.g. 🔥": "或输入 / 粘贴一个表情，例如 🔥",
    "Emoji:": "表情：", "Sticker": "贴纸",
    # properties panel: every renderer style (label border, marker geometry, borders, gradient stops)
    "Offset": "偏移", "Skew": "倾斜", "Border": "边框", "Outline": "描边", "Stops": "色标",
    "Add gradient stop": "添加渐变色标", "Remove gradient stop": "删除渐变色标",
    "Stop position (0 = start, 1 = end)": "色标位置（0 = 起点，1 = 终点）",
    # layer roles (names.py)
    "Subtitle": "副标题", "Caption": "说明文字", "Body text": "正文", "Tag": "标签", "Label": "标注",
    "“Before” label": "“之前”标注", "“After” label": "“之后”标注", "Photo": "图片", "Before photo": "之前图片",
    "After photo": "之后图片", "Veil": "遮罩", "Band": "色带", "Badge": "徽章", "Frame": "相框", "Card": "卡片",
    "Rule": "分隔线", "Tape": "胶带", "Tip": "提示", "Step": "步骤", "Tick": "勾选", "Item": "条目", "Number": "数字",
    "Date": "日期", "Location": "地点", "Location pill": "地点标签", "Author": "作者", "Stripe": "条纹",
    "Plate": "底板", "Polaroid": "拍立得", "Masthead": "刊头", "Issue": "期号", "Rating": "评分",
    "Checklist": "清单", "Corner": "角标", "Decoration": "装饰", "Mark": "标记", "Pin": "图钉", "Box": "方框",
    "Margin": "边距", "Sun": "太阳", "Day": "天", "Days": "天数", "VS badge": "VS 徽章", "VS arrow": "VS 箭头",
    "Question": "问题", "Answer": "回答", "Question dot": "问题圆点", "Answer dot": "回答圆点",
    # editor gaps: text role, auto-fit minimum, sticker swap, background image
    "Role": "角色", "Body": "正文", "Text role": "文字角色",
    "The attention score reads the Title text as the cover's title": "注意力评分把“标题”角色的文字当作封面标题",
    "Minimum size": "最小字号", "Shrinking to fit stops at this size": "自动缩小到这个字号为止",
    "(emoji)": "（表情）", "or an emoji, e.g. 🔥": "或一个表情，例如 🔥", "Emoji": "表情",
    "Change sticker": "更换贴纸", "Set image…": "设置图片…", "Remove image": "移除图片",
    "Background image": "背景图片", "Remove background image": "移除背景图片",
    # menus from the actions table (ui/actions.py): every menu has unique access keys
    "&Rectangle": "矩形(&R)", "R&ounded rectangle": "圆角矩形(&O)", "&Ellipse": "椭圆(&E)", "&Line": "直线(&L)",
    "&Arrow": "箭头(&A)", "Align &left": "左对齐(&L)", "Align &centre": "水平居中(&C)", "Align &right": "右对齐(&R)",
    "Align &top": "顶部对齐(&T)", "Align &middle": "垂直居中(&M)", "Align &bottom": "底部对齐(&B)",
    "Distribute &horizontally": "水平等距分布(&H)", "Distribute &vertically": "垂直等距分布(&V)",
    "Bring &forward": "上移一层(&F)", "Send bac&kward": "下移一层(&K)", "Lan&guage": "语言(&G)",
    "Create": "创建", "New cover from the chosen layout (or double-click it)": "用选中的版式新建封面（也可以双击）",
    "Something went wrong": "出错了",
    "xhscover ran into an error it did not expect and carried on.": "xhscover 遇到了一个意外错误，已继续运行。",
    "Your unsaved work was autosaved. If xhscover has to close, it is offered for restore the next time it starts.":
        "未保存的工作已自动保存。如果 xhscover 必须关闭，下次启动时会提示恢复。",
    "You had no unsaved changes.": "没有未保存的修改。",
    "The autosave failed too: save your work now (File > Save As) if you can.":
        "自动保存也失败了：如果可以，请马上保存你的工作（文件 > 另存为）。",
    "A crash log was written to:": "错误日志已写入：", "Open folder": "打开文件夹",
    "&Layers": "图层(&L)", "&Properties": "属性(&P)", "F&eed": "信息流(&E)", "Attention s&core": "注意力评分(&C)",
    "Text styles (花字): click to apply": "花字：点击应用", "This font has one weight": "这款字体只有一种字重",
    "fitted; max {0:g} px": "已自适应，最大 {0:g} px", "Style text": "文字样式", "Apply text style": "应用花字",
    "Colour of the selected characters": "所选文字的颜色", "Larger": "放大", "Smaller": "缩小",
    "Marker": "荧光笔", "Marker pen under the selected characters": "在所选文字下画荧光笔",
    "White outline around the selected characters": "给所选文字加白色描边",
    "Plain": "清除", "Back to the text's own style": "恢复为文字本身的样式",
}
# Qt's own dialogs (file, colour, message boxes) translate through Qt's qtbase_zh_CN.qm, which
# misses strings newer Qt versions use; these fill the gaps (our translator is asked after Qt's).
QT_EXTRA = {
    "QFileDialog": {"&Look in:": "查找范围(&L)：", "Files of &type:": "文件类型(&T)："},
    "QAbstractFileIconProvider": {"Drive": "驱动器", "File": "文件", "%1 File": "%1 文件", "Folder": "文件夹",
                                  "File Folder": "文件夹", "Shortcut": "快捷方式", "Alias": "替身", "Unknown": "未知"},
}
GENRES = ["Big title", "Photo + title", "Collage", "Compare", "List", "Tutorial", "Product", "Place", "Plog",
          "Knowledge", "Quote", "Other"]
# lupdate names module-level helpers by the receiver; these are the contexts Qt sees at runtime
CONTEXT_BY_FILE = {"commands.py": "commands", "dialogs.py": "dialogs", "app.py": "MainWindow",
                   "canvas.py": "commands", "names.py": "names"}


def _role_names() -> list[str]:
    """names.py translates its tables through variables, which lupdate cannot see."""
    sys.path.insert(0, str(ROOT))
    from xhscover.editing.names import KINDS, SLOT_ROLES

    return list(dict.fromkeys([*SLOT_ROLES.values(), *KINDS.values(), "text"]))


def _action_texts() -> list[str]:
    """The actions table (ui/actions.py) holds plain strings, which lupdate cannot see."""
    sys.path.insert(0, str(ROOT))
    from xhscover.ui.actions import texts

    return texts()


def _add(msgs: dict, context: str, sources: list[str]) -> None:
    have = {m.findtext("source") for m in msgs.setdefault(context, [])}
    for src in sources:
        if src not in have:
            m = ET.Element("message")
            ET.SubElement(m, "source").text = src
            ET.SubElement(m, "translation")
            msgs[context].append(m)


def main() -> None:
    files = sorted(str(p) for p in (ROOT / "xhscover" / "ui").glob("*.py")) + \
        sorted(str(p) for p in (ROOT / "xhscover" / "editing").glob("*.py"))
    if TS.exists():
        TS.unlink()
    subprocess.run([str(BIN / "pyside6-lupdate"), *files, "-ts", str(TS)], check=True, capture_output=True)
    tree = ET.parse(TS)
    root = tree.getroot()
    contexts: dict[str, list[ET.Element]] = {}
    for ctx in list(root.findall("context")):
        root.remove(ctx)
        for msg in ctx.findall("message"):
            loc = msg.find("location")
            fname = Path(loc.get("filename", "")).name if loc is not None else ""
            name = ctx.findtext("name") or ""
            if name == "C":  # `C.tr(...)` is commands.tr
                name = "commands"
            elif name == "win":  # `win.tr(...)` in app.py: the MainWindow context
                name = "MainWindow"
            elif name == "":
                name = CONTEXT_BY_FILE.get(fname, name)
            contexts.setdefault(name, []).append(msg)
    msgs = contexts
    _add(msgs, "names", _role_names())
    _add(msgs, "MainWindow", _action_texts())
    for context, table in QT_EXTRA.items():
        _add(msgs, context, list(table))
    msgs["genres"] = []
    for g in GENRES:
        m = ET.Element("message")
        ET.SubElement(m, "source").text = g
        ET.SubElement(m, "translation")
        msgs["genres"].append(m)
    missing = []
    for name in sorted(msgs):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = name
        seen = set()
        for msg in msgs[name]:
            src = msg.findtext("source")
            if src in seen:
                continue
            seen.add(src)
            tr = msg.find("translation")
            tr.attrib.pop("type", None)
            if src in QT_EXTRA.get(name, {}):
                tr.text = QT_EXTRA[name][src]
            elif src in ZH:
                tr.text = ZH[src]
            else:
                tr.set("type", "unfinished")
                missing.append(src)
            ctx.append(msg)
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True,
                   capture_output=True)
    print(f"{TS.name}: {sum(len(v) for v in msgs.values())} messages; untranslated: {missing}")


if __name__ == "__main__":
    main()
