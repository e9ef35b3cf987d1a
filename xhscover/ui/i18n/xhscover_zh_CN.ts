<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name />
    <message>
      <location filename="../../editing/shelfcommands.py" line="76" />
      <source>Change feed device</source>
      <translation>更换预览机型</translation>
    </message>
    <message>
      <location filename="../../editing/shelfcommands.py" line="76" />
      <source>Change feed theme</source>
      <translation>更换预览主题</translation>
    </message>
    <message>
      <location filename="../../editing/shelfcommands.py" line="76" />
      <source>Change feed page</source>
      <translation>更换预览页面</translation>
    </message>
    <message>
      <location filename="../../editing/shelfcommands.py" line="77" />
      <source>Change search query</source>
      <translation>修改搜索词</translation>
    </message>
    <message>
      <location filename="../../editing/shelfcommands.py" line="77" />
      <source>Change cover placement</source>
      <translation>更改封面位置</translation>
    </message>
    <message>
      <location filename="../../editing/shelfcommands.py" line="78" />
      <source>Move cover in the feed</source>
      <translation>移动封面位置</translation>
    </message>
    <message>
      <location filename="../../editing/shelfcommands.py" line="78" />
      <source>Shuffle the feed</source>
      <translation>随机排列信息流</translation>
    </message>
    <message>
      <location filename="../../editing/shelfcommands.py" line="79" />
      <source>Change feed settings</source>
      <translation>修改信息流设置</translation>
    </message>
    <message>
      <location filename="../../editing/shelfcommands.py" line="98" />
      <source>Import competitors</source>
      <translation>导入竞品</translation>
    </message>
    <message>
      <location filename="../../editing/shelfcommands.py" line="105" />
      <source>Use the sample shelf</source>
      <translation>使用示例货架</translation>
    </message>
    <message>
      <location filename="../../editing/shelfcommands.py" line="124" />
      <source>Edit competitor title</source>
      <translation>修改竞品标题</translation>
    </message>
  </context>
  <context>
    <name>ColorButton</name>
    <message>
      <location filename="../properties_panel.py" line="62" />
      <source>Pick</source>
      <translation>吸管</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="63" />
      <source>Pick a colour from the canvas</source>
      <translation>从画布上吸取颜色</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="../export_dialog.py" line="23" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="38" />
      <source>All {0} variants</source>
      <translation>全部 {0} 个方案</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="40" />
      <source>Format</source>
      <translation>格式</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="41" />
      <source>Scale</source>
      <translation>缩放</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="42" />
      <source>Size</source>
      <translation>尺寸</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="43" />
      <source>JPEG quality</source>
      <translation>JPEG 质量</translation>
    </message>
  </context>
  <context>
    <name>FeedDock</name>
    <message>
      <location filename="../feed_dock.py" line="143" />
      <source>Light</source>
      <translation>浅色</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="144" />
      <source>Dark</source>
      <translation>深色</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="146" />
      <source>Home feed</source>
      <translation>首页推荐</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="147" />
      <source>Search results</source>
      <translation>搜索结果</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="149" />
      <source>Search query</source>
      <translation>搜索词</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="151" />
      <source>Note title under your cover</source>
      <translation>你的封面下方的笔记标题</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="153" />
      <source>Slot</source>
      <translation>指定位置</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="154" />
      <source>Random</source>
      <translation>随机</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="157" />
      <source>Feed position of your cover (1 = top left)</source>
      <translation>你的封面在信息流中的位置（1 = 左上）</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="160" />
      <source>seed </source>
      <translation>种子 </translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="161" />
      <source>Shuffle</source>
      <translation>洗牌</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="162" />
      <source>Random position and competitor order (next seed)</source>
      <translation>随机位置和竞品顺序（下一个种子）</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="163" />
      <source>All variants</source>
      <translation>全部方案</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="164" />
      <source>Show every variant of the project in the feed</source>
      <translation>在信息流中显示项目的所有方案</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="166" />
      <source>Fit screen</source>
      <translation>适合首屏</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="168" />
      <source>True size</source>
      <translation>真实尺寸</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="174" />
      <source>Screen DPI correction for true size: hold a ruler to the screen and adjust</source>
      <translation>真实尺寸的屏幕 DPI 校正：拿尺子贴在屏幕上对照调整</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="175" />
      <source>Squint</source>
      <translation>眯眼看</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="176" />
      <source>Blur the feed: only big shapes and contrasts remain</source>
      <translation>模糊信息流：只留下大块形状和对比</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="177" />
      <source>Heatmap</source>
      <translation>热力图</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="178" />
      <source>Attention heatmap over the first screen</source>
      <translation>首屏注意力热力图</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="181" />
      <source>Sample shelf</source>
      <translation>示例货架</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="182" />
      <source>Import folder…</source>
      <translation>导入文件夹…</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="184" />
      <source>Titles</source>
      <translation>标题</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="186" />
      <source>Edit the competitors' note titles</source>
      <translation>编辑竞品的笔记标题</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="192" />
      <source>Drop screenshots of the feed or search results here to import competitors</source>
      <translation>把发现页或搜索结果的截图拖到这里，导入为竞品</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="194" />
      <source>Cover</source>
      <translation>封面</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="194" />
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="296" />
      <source>Competitors: {0} covers from {1}</source>
      <translation>竞品：来自 {1} 的 {0} 个封面</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="297" />
      <source>Competitors: bundled sample shelf ({0} covers)</source>
      <translation>竞品：内置示例货架（{0} 个封面）</translation>
    </message>
    <message>
      <location filename="../feed_dock.py" line="403" />
      <source>Folder of competitor covers</source>
      <translation>竞品封面文件夹</translation>
    </message>
  </context>
  <context>
    <name>LayersPanel</name>
    <message>
      <location filename="../layers_panel.py" line="43" />
      <source>Lock</source>
      <translation>锁定</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="43" />
      <source>Lock / unlock</source>
      <translation>锁定 / 解锁</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="44" />
      <source>Up</source>
      <translation>上移</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="44" />
      <source>Bring forward</source>
      <translation>上移一层</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="45" />
      <source>Down</source>
      <translation>下移</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="45" />
      <source>Send backward</source>
      <translation>下移一层</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="46" />
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="46" />
      <source>Duplicate</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="47" />
      <source>Group</source>
      <translation>编组</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="47" />
      <source>Group / ungroup</source>
      <translation>编组 / 取消编组</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="48" />
      <source>Del</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="48" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="92" />
      <source>group</source>
      <translation>编组</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="94" />
      <source>locked</source>
      <translation>已锁定</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../main_window.py" line="90" />
      <source>Layers</source>
      <translation>图层</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="91" />
      <source>Properties</source>
      <translation>属性</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="95" />
      <source>Feed</source>
      <translation>信息流</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="99" />
      <source>Attention score</source>
      <translation>注意力评分</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="159" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="159" />
      <source>The language changes the next time xhscover starts.</source>
      <translation>语言将在下次启动 xhscover 时生效。</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="166" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="238" />
      <location filename="../main_window.py" line="329" />
      <source>Untitled</source>
      <translation>未命名</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="249" />
      <source>Cannot use this layout</source>
      <translation>无法使用这个版式</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="270" />
      <source>Cannot open the project</source>
      <translation>无法打开项目</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="292" />
      <location filename="../main_window.py" line="297" />
      <source>cover</source>
      <translation>封面</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="318" />
      <source>Could not save</source>
      <translation>保存失败</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="322" />
      <source>Saved {0}</source>
      <translation>已保存 {0}</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="359" />
      <location filename="../main_window.py" line="506" />
      <source>Could not export</source>
      <translation>导出失败</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="361" />
      <source>Exported {0} file(s)</source>
      <translation>已导出 {0} 个文件</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="373" />
      <source>Text</source>
      <translation>文字</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="374" />
      <source>Double-click to edit</source>
      <translation>双击编辑文字</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="392" />
      <source>Add images</source>
      <translation>添加图片</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="398" />
      <source>Some images could not be added</source>
      <translation>有些图片无法添加</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="414" />
      <source>Cannot paste</source>
      <translation>无法粘贴</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="430" />
      <source>Align</source>
      <translation>对齐</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="438" />
      <source>Distribute</source>
      <translation>分布</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="471" />
      <source>Screenshots of the feed or search results</source>
      <translation>发现页或搜索结果的截图</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="472" />
      <source>Screenshots (*.png *.jpg *.jpeg *.webp)</source>
      <translation>截图 (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="494" />
      <source>Export feed</source>
      <translation>导出信息流</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="494" />
      <source>PNG image (*.png)</source>
      <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="508" />
      <source>Exported {0} and {1}</source>
      <translation>已导出 {0} 和 {1}</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="554" />
      <source>Cannot open</source>
      <translation>无法打开</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="555" />
      <source>Not an image or an xhscover project:</source>
      <translation>不是图片或 xhscover 项目：</translation>
    </message>
    <message>
      <location filename="../app.py" line="100" />
      <source>Cannot restore</source>
      <translation>无法恢复</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Insert</source>
      <translation>插入(&amp;I)</translation>
    </message>
    <message>
      <source>S&amp;hape</source>
      <translation>形状(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Arrange</source>
      <translation>排列(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>Co&amp;mpetitors</source>
      <translation>竞品(&amp;M)</translation>
    </message>
    <message>
      <source>&amp;New…</source>
      <translation>新建(&amp;N)…</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>打开(&amp;O)…</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Export…</source>
      <translation>导出(&amp;E)…</translation>
    </message>
    <message>
      <source>Export &amp;feed…</source>
      <translation>导出信息流(&amp;F)…</translation>
    </message>
    <message>
      <source>&amp;Close project</source>
      <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Paste image</source>
      <translation>粘贴图片(&amp;P)</translation>
    </message>
    <message>
      <source>Dupli&amp;cate</source>
      <translation>复制(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>删除(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Group / ungroup</source>
      <translation>编组 / 取消编组(&amp;G)</translation>
    </message>
    <message>
      <source>Select &amp;all</source>
      <translation>全选(&amp;A)</translation>
    </message>
    <message>
      <source>Add &amp;text</source>
      <translation>添加文字(&amp;T)</translation>
    </message>
    <message>
      <source>Add &amp;image…</source>
      <translation>添加图片(&amp;I)…</translation>
    </message>
    <message>
      <source>&amp;Rectangle</source>
      <translation>矩形(&amp;R)</translation>
    </message>
    <message>
      <source>R&amp;ounded rectangle</source>
      <translation>圆角矩形(&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Ellipse</source>
      <translation>椭圆(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Line</source>
      <translation>直线(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Arrow</source>
      <translation>箭头(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Sticker…</source>
      <translation>贴纸(&amp;S)…</translation>
    </message>
    <message>
      <source>Align &amp;left</source>
      <translation>左对齐(&amp;L)</translation>
    </message>
    <message>
      <source>Align &amp;centre</source>
      <translation>水平居中(&amp;C)</translation>
    </message>
    <message>
      <source>Align &amp;right</source>
      <translation>右对齐(&amp;R)</translation>
    </message>
    <message>
      <source>Align &amp;top</source>
      <translation>顶部对齐(&amp;T)</translation>
    </message>
    <message>
      <source>Align &amp;middle</source>
      <translation>垂直居中(&amp;M)</translation>
    </message>
    <message>
      <source>Align &amp;bottom</source>
      <translation>底部对齐(&amp;B)</translation>
    </message>
    <message>
      <source>Distribute &amp;horizontally</source>
      <translation>水平等距分布(&amp;H)</translation>
    </message>
    <message>
      <source>Distribute &amp;vertically</source>
      <translation>垂直等距分布(&amp;V)</translation>
    </message>
    <message>
      <source>Bring &amp;forward</source>
      <translation>上移一层(&amp;F)</translation>
    </message>
    <message>
      <source>Send bac&amp;kward</source>
      <translation>下移一层(&amp;K)</translation>
    </message>
    <message>
      <source>&amp;Fit to window</source>
      <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Actual pixels (100%)</source>
      <translation>实际像素 (100%)(&amp;A)</translation>
    </message>
    <message>
      <source>Zoom &amp;in</source>
      <translation>放大(&amp;I)</translation>
    </message>
    <message>
      <source>Zoom &amp;out</source>
      <translation>缩小(&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Safe area</source>
      <translation>安全区(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Heatmap on canvas</source>
      <translation>画布热力图(&amp;H)</translation>
    </message>
    <message>
      <source>From &amp;screenshots…</source>
      <translation>从截图导入(&amp;S)…</translation>
    </message>
    <message>
      <source>From a &amp;folder…</source>
      <translation>从文件夹导入(&amp;F)…</translation>
    </message>
    <message>
      <source>S&amp;ample shelf</source>
      <translation>示例货架(&amp;A)</translation>
    </message>
    <message>
      <source>System</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
      <source>Lan&amp;guage</source>
      <translation>语言(&amp;G)</translation>
    </message>
    <message>
      <source>Main</source>
      <translation>主工具栏</translation>
    </message>
    <message>
      <source>Shape</source>
      <translation>形状</translation>
    </message>
    <message>
      <source>&amp;Layers</source>
      <translation>图层(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Properties</source>
      <translation>属性(&amp;P)</translation>
    </message>
    <message>
      <source>F&amp;eed</source>
      <translation>信息流(&amp;E)</translation>
    </message>
    <message>
      <source>Attention s&amp;core</source>
      <translation>注意力评分(&amp;C)</translation>
    </message>
  </context>
  <context>
    <name>PropertiesPanel</name>
    <message>
      <location filename="../properties_panel.py" line="111" />
      <source>Solid</source>
      <translation>纯色</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="112" />
      <source>Linear gradient</source>
      <translation>线性渐变</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="113" />
      <source>Radial gradient</source>
      <translation>径向渐变</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="119" />
      <source>Gradient angle</source>
      <translation>渐变角度</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="126" />
      <source>Stops</source>
      <translation>色标</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="130" />
      <source>Add gradient stop</source>
      <translation>添加渐变色标</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="134" />
      <source>Remove gradient stop</source>
      <translation>删除渐变色标</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="142" />
      <source>Stop position (0 = start, 1 = end)</source>
      <translation>色标位置（0 = 起点，1 = 终点）</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="338" />
      <source>Cover {0} · background</source>
      <translation>封面 {0} · 背景</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="342" />
      <source>{0} layers</source>
      <translation>{0} 个图层</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="481" />
      <source>Position and size</source>
      <translation>位置和大小</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="484" />
      <location filename="../properties_panel.py" line="633" />
      <location filename="../properties_panel.py" line="830" />
      <location filename="../properties_panel.py" line="835" />
      <location filename="../properties_panel.py" line="884" />
      <source>Width</source>
      <translation>宽</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="485" />
      <location filename="../properties_panel.py" line="623" />
      <location filename="../properties_panel.py" line="831" />
      <source>Height</source>
      <translation>高</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="487" />
      <source>Opacity</source>
      <translation>不透明度</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="518" />
      <source>Rotation</source>
      <translation>旋转</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="545" />
      <source>Text</source>
      <translation>文字</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="549" />
      <source>Apply text</source>
      <translation>应用文字</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="561" />
      <source>Text styles (花字): click to apply</source>
      <translation>花字：点击应用</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="572" />
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="573" />
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="573" />
      <source>Subtitle</source>
      <translation>副标题</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="573" />
      <source>Body</source>
      <translation>正文</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="574" />
      <source>Tag</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="574" />
      <source>Caption</source>
      <translation>说明文字</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="575" />
      <source>The attention score reads the Title text as the cover's title</source>
      <translation>注意力评分把“标题”角色的文字当作封面标题</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="580" />
      <source>Font</source>
      <translation>字体</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="587" />
      <source>Weight</source>
      <translation>字重</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="589" />
      <source>Italic</source>
      <translation>斜体</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="598" />
      <source>Add stroke</source>
      <translation>添加描边</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="602" />
      <source>Remove stroke</source>
      <translation>删除描边</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="613" />
      <source>Strokes</source>
      <translation>描边</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="616" />
      <source>Shadow</source>
      <translation>阴影</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="617" />
      <location filename="../properties_panel.py" line="622" />
      <location filename="../properties_panel.py" line="627" />
      <location filename="../properties_panel.py" line="632" />
      <location filename="../properties_panel.py" line="746" />
      <location filename="../properties_panel.py" line="834" />
      <location filename="../properties_panel.py" line="883" />
      <source>Colour</source>
      <translation>颜色</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="620" />
      <source>Blur</source>
      <translation>模糊</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="621" />
      <source>Highlighter</source>
      <translation>荧光笔</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="624" />
      <source>Offset</source>
      <translation>偏移</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="625" />
      <source>Skew</source>
      <translation>倾斜</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="626" />
      <source>Label box</source>
      <translation>标签底框</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="628" />
      <source>Padding X</source>
      <translation>水平内边距</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="629" />
      <source>Padding Y</source>
      <translation>垂直内边距</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="630" />
      <source>Radius</source>
      <translation>圆角</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="631" />
      <location filename="../properties_panel.py" line="833" />
      <source>Border</source>
      <translation>边框</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="634" />
      <source>Letter spacing</source>
      <translation>字间距</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="635" />
      <source>Line height</source>
      <translation>行高</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="636" />
      <source>Align</source>
      <translation>对齐</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="637" />
      <source>Left</source>
      <translation>左</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="637" />
      <source>Centre</source>
      <translation>中</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="637" />
      <source>Right</source>
      <translation>右</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="638" />
      <source>Vertical</source>
      <translation>垂直</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="639" />
      <source>Top</source>
      <translation>顶部</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="639" />
      <source>Middle</source>
      <translation>居中</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="639" />
      <source>Bottom</source>
      <translation>底部</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="640" />
      <source>Shrink to fit the box</source>
      <translation>自动缩小以适应文本框</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="641" />
      <source>Minimum size</source>
      <translation>最小字号</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="642" />
      <source>Shrinking to fit stops at this size</source>
      <translation>自动缩小到这个字号为止</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="685" />
      <source>This font has one weight</source>
      <translation>这款字体只有一种字重</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="712" />
      <source>fitted; max {0:g} px</source>
      <translation>已自适应，最大 {0:g} px</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="716" />
      <source>Size</source>
      <translation>尺寸</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="745" />
      <location filename="../properties_panel.py" line="881" />
      <source>Fill</source>
      <translation>填充</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="800" />
      <location filename="../properties_panel.py" line="955" />
      <source>Image</source>
      <translation>图片</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="801" />
      <source>Replace image…</source>
      <translation>替换图片…</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="805" />
      <source>Fit</source>
      <translation>适应方式</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="805" />
      <source>Fill (crop)</source>
      <translation>填满（裁切）</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="805" />
      <source>Fit inside</source>
      <translation>完整显示</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="806" />
      <source>Stretch</source>
      <translation>拉伸</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="817" />
      <source>Focal point</source>
      <translation>焦点</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="827" />
      <source>Crop</source>
      <translation>裁剪</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="832" />
      <location filename="../properties_panel.py" line="885" />
      <source>Corner radius</source>
      <translation>圆角</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="858" />
      <location filename="../properties_panel.py" line="870" />
      <source>Cannot use this image</source>
      <translation>无法使用这张图片</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="877" />
      <location filename="../properties_panel.py" line="878" />
      <source>Shape</source>
      <translation>形状</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="879" />
      <source>Rectangle</source>
      <translation>矩形</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="879" />
      <source>Rounded rectangle</source>
      <translation>圆角矩形</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="880" />
      <source>Ellipse</source>
      <translation>椭圆</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="880" />
      <source>Line</source>
      <translation>直线</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="880" />
      <source>Arrow</source>
      <translation>箭头</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="882" />
      <source>Outline</source>
      <translation>描边</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="889" />
      <location filename="../properties_panel.py" line="895" />
      <source>Sticker</source>
      <translation>贴纸</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="899" />
      <source>or an emoji, e.g. 🔥</source>
      <translation>或一个表情，例如 🔥</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="902" />
      <source>Emoji</source>
      <translation>表情</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="913" />
      <source>(emoji)</source>
      <translation>（表情）</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="944" />
      <source>Background</source>
      <translation>背景</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="947" />
      <source>Set image…</source>
      <translation>设置图片…</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="950" />
      <source>Remove image</source>
      <translation>移除图片</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="958" />
      <source>Image dim</source>
      <translation>图片压暗</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="959" />
      <source>Image blur</source>
      <translation>图片模糊</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="974" />
      <source>Ratio</source>
      <translation>比例</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="978" />
      <source>Note title shown under the cover in the feed</source>
      <translation>信息流中封面下方显示的笔记标题</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="988" />
      <source>Note title</source>
      <translation>笔记标题</translation>
    </message>
  </context>
  <context>
    <name>QAbstractFileIconProvider</name>
    <message>
      <source>Drive</source>
      <translation>驱动器</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>%1 File</source>
      <translation>%1 文件</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>文件夹</translation>
    </message>
    <message>
      <source>File Folder</source>
      <translation>文件夹</translation>
    </message>
    <message>
      <source>Shortcut</source>
      <translation>快捷方式</translation>
    </message>
    <message>
      <source>Alias</source>
      <translation>替身</translation>
    </message>
    <message>
      <source>Unknown</source>
      <translation>未知</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Look in:</source>
      <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>文件类型(&amp;T)：</translation>
    </message>
  </context>
  <context>
    <name>ScorePanel</name>
    <message>
      <location filename="../score_panel.py" line="54" />
      <source>好 (good): your cover wins more attention than an average competitor in the same spot, beyond placement luck. 一般 (OK): about the same. 弱 (weak): clearly less.</source>
      <translation>好：你的封面比放在同一位置的普通竞品拿到更多注意力，而且不是摆放运气。一般：差不多。弱：明显更少。</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="58" />
      <source>No score yet</source>
      <translation>尚无评分</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="64" />
      <source>Share: how much of a reader's first look at the feed screen lands on your cover, as the attention model predicts it, averaged over many shuffles of the shelf; the range is the lowest and highest placement.</source>
      <translation>份额：读者看信息流第一屏时，有多少注意力落在你的封面上（注意力模型的预测），在多次打乱货架后取平均；括号里是最差和最好的一次摆放。</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="70" />
      <source>Fair ratio: your share divided by what an average competitor gets in the same spots. 1.0× is exactly average; 2.0× is twice its fair share. Rank: your place on the screen the feed shows.</source>
      <translation>同位置对比：你的份额除以普通竞品放在同样位置时的份额。1.0 倍就是平均水平，2.0 倍是应得的两倍。排名：你在信息流当前这一屏里排第几。</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="80" />
      <source>Help me improve</source>
      <translation>帮我改</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="83" />
      <source>Try up to 50 changes to this cover (title size, colours, outline, label, background, photo framing, other layouts, stickers; never the text) on this shelf and rank them by the attention they win.</source>
      <translation>在这个货架上试最多 50 种改法（标题大小、颜色、描边、底块、背景、照片取景、其他版式、贴纸；文字内容不变），按拿到的注意力排名。</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="86" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="101" />
      <source>Apply as a new variant</source>
      <translation>应用为新方案</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="105" />
      <source>End preview</source>
      <translation>结束预览</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="136" />
      <source>Scoring…</source>
      <translation>正在评分…</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="145" />
      <source>Scoring failed: {0}</source>
      <translation>评分失败：{0}</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="148" />
      <source>Scoring variant {0}</source>
      <translation>正在评分的方案：{0}</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="153" />
      <source>Share {0:.1f}% ({1:.1f}–{2:.1f}% over {3} placements)</source>
      <translation>份额 {0:.1f}%（{3} 次摆放：{1:.1f}–{2:.1f}%）</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="155" />
      <source>on this screen {0:.1f}%, rank {1} of {2} · </source>
      <translation>本屏 {0:.1f}%，第 {1}/{2} 名 · </translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="157" />
      <source>fair ratio {0:.2f}×</source>
      <translation>是同位置平均竞品的 {0:.2f} 倍</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="164" />
      <source>Share {0:.1f}% on this screen</source>
      <translation>本屏份额 {0:.1f}%</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="165" />
      <source>Rank {0} of {1} on this screen · fair ratio: computing…</source>
      <translation>本屏 {1} 个中排第 {0} · 同位置对比：计算中…</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="178" />
      <source>Help me improve: {0} ({1:+.0f}%)</source>
      <translation>帮我改：{0}（{1:+.0f}%）</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="227" />
      <source>Trying changes on this shelf…</source>
      <translation>正在这个货架上试各种改法…</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="234" />
      <source>Help me improve failed: {0}</source>
      <translation>帮我改失败：{0}</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="237" />
      <source>Stopped.</source>
      <translation>已停止。</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="250" />
      <source>{0} of {1} tried; best so far (one placement per slot):</source>
      <translation>已试 {0}/{1}；目前最好的（每个位置先摆一次）：</translation>
    </message>
    <message>
      <location filename="../score_panel.py" line="265" />
      <source>{0:+.0f}% so far</source>
      <translation>目前 {0:+.0f}%</translation>
    </message>
  </context>
  <context>
    <name>ShelfImportDialog</name>
    <message>
      <location filename="../shelf_import_dialog.py" line="111" />
      <source>Import competitors from screenshots</source>
      <translation>从截图导入竞品</translation>
    </message>
    <message>
      <location filename="../shelf_import_dialog.py" line="119" />
      <source>Reading {0} screenshot(s)…</source>
      <translation>正在识别 {0} 张截图…</translation>
    </message>
    <message>
      <location filename="../shelf_import_dialog.py" line="128" />
      <source>Cover</source>
      <translation>封面</translation>
    </message>
    <message>
      <location filename="../shelf_import_dialog.py" line="128" />
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <location filename="../shelf_import_dialog.py" line="128" />
      <source>Nickname</source>
      <translation>昵称</translation>
    </message>
    <message>
      <location filename="../shelf_import_dialog.py" line="129" />
      <source>Likes</source>
      <translation>点赞</translation>
    </message>
    <message>
      <location filename="../shelf_import_dialog.py" line="129" />
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="../shelf_import_dialog.py" line="138" />
      <location filename="../shelf_import_dialog.py" line="279" />
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <location filename="../shelf_import_dialog.py" line="173" />
      <source>Reading {0} ({1} of {2})…</source>
      <translation>正在识别 {0}（第 {1} / {2} 张）…</translation>
    </message>
    <message>
      <location filename="../shelf_import_dialog.py" line="179" />
      <source>{0} card(s) found in {1} screenshot(s); untick the ones to leave out.</source>
      <translation>在 {1} 张截图中找到 {0} 张卡片；取消勾选不想导入的卡片。</translation>
    </message>
    <message>
      <location filename="../shelf_import_dialog.py" line="182" />
      <source>No feed grid found in {0}</source>
      <translation>{0} 里没有找到信息流</translation>
    </message>
    <message>
      <location filename="../shelf_import_dialog.py" line="227" />
      <source>video</source>
      <translation>视频</translation>
    </message>
    <message>
      <location filename="../shelf_import_dialog.py" line="229" />
      <source>cut at the top</source>
      <translation>上方被截断</translation>
    </message>
    <message>
      <location filename="../shelf_import_dialog.py" line="231" />
      <source>cut at the bottom</source>
      <translation>下方被截断</translation>
    </message>
    <message>
      <location filename="../shelf_import_dialog.py" line="233" />
      <source>something lies over it</source>
      <translation>被遮挡</translation>
    </message>
    <message>
      <location filename="../shelf_import_dialog.py" line="235" />
      <source>same as {0} #{1}</source>
      <translation>与 {0} 第 {1} 张重复</translation>
    </message>
    <message>
      <location filename="../shelf_import_dialog.py" line="237" />
      <source>likes not read</source>
      <translation>点赞数未识别</translation>
    </message>
    <message>
      <location filename="../shelf_import_dialog.py" line="279" />
      <source>Import {0} card(s)</source>
      <translation>导入 {0} 张卡片</translation>
    </message>
  </context>
  <context>
    <name>StartPage</name>
    <message>
      <location filename="../start_page.py" line="103" />
      <source>New cover from a layout</source>
      <translation>从版式新建封面</translation>
    </message>
    <message>
      <location filename="../start_page.py" line="107" />
      <source>3:4 portrait</source>
      <translation>3:4 竖版</translation>
    </message>
    <message>
      <location filename="../start_page.py" line="107" />
      <source>1:1 square</source>
      <translation>1:1 方形</translation>
    </message>
    <message>
      <location filename="../start_page.py" line="108" />
      <source>4:3 landscape</source>
      <translation>4:3 横版</translation>
    </message>
    <message>
      <location filename="../start_page.py" line="117" />
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <location filename="../start_page.py" line="123" />
      <source>Create</source>
      <translation>创建</translation>
    </message>
    <message>
      <location filename="../start_page.py" line="126" />
      <source>New cover from the chosen layout (or double-click it)</source>
      <translation>用选中的版式新建封面（也可以双击）</translation>
    </message>
    <message>
      <location filename="../start_page.py" line="152" />
      <source>Open project…</source>
      <translation>打开项目…</translation>
    </message>
    <message>
      <location filename="../start_page.py" line="154" />
      <source>Blank cover</source>
      <translation>空白封面</translation>
    </message>
    <message>
      <location filename="../start_page.py" line="157" />
      <source>Recent projects</source>
      <translation>最近的项目</translation>
    </message>
    <message>
      <location filename="../start_page.py" line="164" />
      <source>Ratio</source>
      <translation>比例</translation>
    </message>
  </context>
  <context>
    <name>StickerPicker</name>
    <message>
      <location filename="../sticker_picker.py" line="48" />
      <source>Insert sticker</source>
      <translation>插入贴纸</translation>
    </message>
    <message>
      <location filename="../sticker_picker.py" line="69" />
      <source>or type / paste an emoji, e.g. 🔥</source>
      <translation>或输入 / 粘贴一个表情，例如 🔥</translation>
    </message>
    <message>
      <location filename="../sticker_picker.py" line="77" />
      <source>Emoji:</source>
      <translation>表情：</translation>
    </message>
  </context>
  <context>
    <name>StyleBar</name>
    <message>
      <location filename="../inline_text.py" line="73" />
      <source>Colour of the selected characters</source>
      <translation>所选文字的颜色</translation>
    </message>
    <message>
      <location filename="../inline_text.py" line="76" />
      <source>Larger</source>
      <translation>放大</translation>
    </message>
    <message>
      <location filename="../inline_text.py" line="77" />
      <source>Smaller</source>
      <translation>缩小</translation>
    </message>
    <message>
      <location filename="../inline_text.py" line="78" />
      <source>Marker</source>
      <translation>荧光笔</translation>
    </message>
    <message>
      <location filename="../inline_text.py" line="78" />
      <source>Marker pen under the selected characters</source>
      <translation>在所选文字下画荧光笔</translation>
    </message>
    <message>
      <location filename="../inline_text.py" line="79" />
      <source>Outline</source>
      <translation>描边</translation>
    </message>
    <message>
      <location filename="../inline_text.py" line="79" />
      <source>White outline around the selected characters</source>
      <translation>给所选文字加白色描边</translation>
    </message>
    <message>
      <location filename="../inline_text.py" line="81" />
      <source>Plain</source>
      <translation>清除</translation>
    </message>
    <message>
      <location filename="../inline_text.py" line="81" />
      <source>Back to the text's own style</source>
      <translation>恢复为文字本身的样式</translation>
    </message>
  </context>
  <context>
    <name>SuggestLink</name>
    <message>
      <location filename="../suggest_link.py" line="111" />
      <source>Help me improve {0}</source>
      <translation>帮我改 {0}</translation>
    </message>
  </context>
  <context>
    <name>VariantsBar</name>
    <message>
      <location filename="../variants_bar.py" line="27" />
      <source>Duplicate this variant (A/B test a new idea)</source>
      <translation>复制当前方案（A/B 测试新想法）</translation>
    </message>
    <message>
      <location filename="../variants_bar.py" line="70" />
      <source>Rename variant</source>
      <translation>重命名方案</translation>
    </message>
    <message>
      <location filename="../variants_bar.py" line="70" />
      <source>Name:</source>
      <translation>名称：</translation>
    </message>
    <message>
      <location filename="../variants_bar.py" line="87" />
      <source>Duplicate</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../variants_bar.py" line="88" />
      <source>Rename…</source>
      <translation>重命名…</translation>
    </message>
    <message>
      <location filename="../variants_bar.py" line="89" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
  </context>
  <context>
    <name>commands</name>
    <message>
      <location filename="../../editing/commands.py" line="44" />
      <source>Change properties</source>
      <translation>修改属性</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="96" />
      <source>Move</source>
      <translation>移动</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="132" />
      <source>Add layer</source>
      <translation>添加图层</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="137" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="146" />
      <location filename="../../editing/commands.py" line="153" />
      <source>Reorder</source>
      <translation>调整顺序</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="170" />
      <source>copy</source>
      <translation>副本</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="177" />
      <source>Duplicate</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="190" />
      <source>Group</source>
      <translation>编组</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="194" />
      <source>Ungroup</source>
      <translation>取消编组</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="198" />
      <source>Show</source>
      <translation>显示</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="198" />
      <source>Hide</source>
      <translation>隐藏</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="202" />
      <source>Lock</source>
      <translation>锁定</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="202" />
      <source>Unlock</source>
      <translation>解锁</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="206" />
      <source>Rename</source>
      <translation>重命名</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="212" />
      <source>Replace image</source>
      <translation>替换图片</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="218" />
      <source>Remove background image</source>
      <translation>移除背景图片</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="220" />
      <source>Background image</source>
      <translation>背景图片</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="248" />
      <location filename="../../editing/commands.py" line="391" />
      <source>Sticker</source>
      <translation>贴纸</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="254" />
      <source>Change sticker</source>
      <translation>更换贴纸</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="258" />
      <source>Background</source>
      <translation>背景</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="270" />
      <source>Image</source>
      <translation>图片</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="304" />
      <source>Duplicate variant</source>
      <translation>复制方案</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="311" />
      <source>Add variant</source>
      <translation>添加方案</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="319" />
      <source>Delete variant</source>
      <translation>删除方案</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="323" />
      <source>Rename variant</source>
      <translation>重命名方案</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="342" />
      <source>Change ratio</source>
      <translation>更改比例</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="347" />
      <source>Note title</source>
      <translation>笔记标题</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="364" />
      <source>Rectangle</source>
      <translation>矩形</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="364" />
      <source>Rounded rectangle</source>
      <translation>圆角矩形</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="364" />
      <source>Ellipse</source>
      <translation>椭圆</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="365" />
      <source>Line</source>
      <translation>直线</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="365" />
      <source>Arrow</source>
      <translation>箭头</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="407" />
      <source>Focal point</source>
      <translation>焦点</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="415" />
      <source>Edit text</source>
      <translation>编辑文字</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="427" />
      <source>Style text</source>
      <translation>文字样式</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="442" />
      <source>Apply text style</source>
      <translation>应用花字</translation>
    </message>
    <message>
      <location filename="../interactions.py" line="144" />
      <location filename="../interactions.py" line="148" />
      <location filename="../interactions.py" line="174" />
      <location filename="../interactions.py" line="178" />
      <source>Resize</source>
      <translation>调整大小</translation>
    </message>
    <message>
      <location filename="../interactions.py" line="195" />
      <location filename="../interactions.py" line="198" />
      <source>Rotate</source>
      <translation>旋转</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="197" />
      <location filename="../properties_panel.py" line="228" />
      <source>Gradient</source>
      <translation>渐变</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="210" />
      <source>Add gradient stop</source>
      <translation>添加渐变色标</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="217" />
      <source>Remove gradient stop</source>
      <translation>删除渐变色标</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="439" />
      <source>Colour</source>
      <translation>颜色</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="574" />
      <source>Text role</source>
      <translation>文字角色</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="661" />
      <source>Font</source>
      <translation>字体</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="785" />
      <source>Add stroke</source>
      <translation>添加描边</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="792" />
      <source>Remove stroke</source>
      <translation>删除描边</translation>
    </message>
  </context>
  <context>
    <name>dialogs</name>
    <message>
      <location filename="../dialogs.py" line="40" />
      <source>Unsaved changes</source>
      <translation>未保存的修改</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="41" />
      <source>Save the changes to “{0}” before closing?</source>
      <translation>关闭前保存对“{0}”的修改吗？</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="54" />
      <source>Restore unsaved work</source>
      <translation>恢复未保存的工作</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="56" />
      <source>xhscover did not close properly. These projects have unsaved work:</source>
      <translation>xhscover 没有正常退出。这些项目有未保存的工作：</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="65" />
      <source>The first ticked project opens now; the others are kept as files under Recent files.</source>
      <translation>勾选的第一个项目现在打开；其余的另存为文件，可在“最近打开”中找到。</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="68" />
      <source>Restore</source>
      <translation>恢复</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="69" />
      <source>Ask me later</source>
      <translation>以后再说</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="70" />
      <source>Discard all</source>
      <translation>全部丢弃</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="87" />
      <source>Open project</source>
      <translation>打开项目</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="88" />
      <location filename="../dialogs.py" line="94" />
      <source>xhscover projects (*.xhscover)</source>
      <translation>xhscover 项目 (*.xhscover)</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="93" />
      <source>Save project</source>
      <translation>保存项目</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="101" />
      <source>Choose images</source>
      <translation>选择图片</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="102" />
      <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</source>
      <translation>图片 (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="108" />
      <source>Export to folder</source>
      <translation>导出到文件夹</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="109" />
      <source>Export image</source>
      <translation>导出图片</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="109" />
      <source>Images (*.png *.jpg)</source>
      <translation>图片 (*.png *.jpg)</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="117" />
      <source>Choose colour</source>
      <translation>选择颜色</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="134" />
      <source>Your unsaved work was autosaved. If xhscover has to close, it is offered for restore the next time it starts.</source>
      <translation>未保存的工作已自动保存。如果 xhscover 必须关闭，下次启动时会提示恢复。</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="136" />
      <source>You had no unsaved changes.</source>
      <translation>没有未保存的修改。</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="137" />
      <source>The autosave failed too: save your work now (File &gt; Save As) if you can.</source>
      <translation>自动保存也失败了：如果可以，请马上保存你的工作（文件 &gt; 另存为）。</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="139" />
      <source>Something went wrong</source>
      <translation>出错了</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="140" />
      <source>xhscover ran into an error it did not expect and carried on.</source>
      <translation>xhscover 遇到了一个意外错误，已继续运行。</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="141" />
      <source>A crash log was written to:</source>
      <translation>错误日志已写入：</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="143" />
      <source>Open folder</source>
      <translation>打开文件夹</translation>
    </message>
  </context>
  <context>
    <name>genres</name>
    <message>
      <source>Big title</source>
      <translation>大字报</translation>
    </message>
    <message>
      <source>Photo + title</source>
      <translation>图片+标题</translation>
    </message>
    <message>
      <source>Collage</source>
      <translation>拼图</translation>
    </message>
    <message>
      <source>Compare</source>
      <translation>对比</translation>
    </message>
    <message>
      <source>List</source>
      <translation>清单</translation>
    </message>
    <message>
      <source>Tutorial</source>
      <translation>教程</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>好物</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>探店</translation>
    </message>
    <message>
      <source>Plog</source>
      <translation>Plog</translation>
    </message>
    <message>
      <source>Knowledge</source>
      <translation>干货</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>语录</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
  </context>
  <context>
    <name>names</name>
    <message>
      <location filename="../../editing/names.py" line="43" />
      <source>text</source>
      <translation>文字</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Subtitle</source>
      <translation>副标题</translation>
    </message>
    <message>
      <source>Caption</source>
      <translation>说明文字</translation>
    </message>
    <message>
      <source>Body text</source>
      <translation>正文</translation>
    </message>
    <message>
      <source>Tag</source>
      <translation>标签</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>标注</translation>
    </message>
    <message>
      <source>“Before” label</source>
      <translation>“之前”标注</translation>
    </message>
    <message>
      <source>“After” label</source>
      <translation>“之后”标注</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>图片</translation>
    </message>
    <message>
      <source>Before photo</source>
      <translation>之前图片</translation>
    </message>
    <message>
      <source>After photo</source>
      <translation>之后图片</translation>
    </message>
    <message>
      <source>Sticker</source>
      <translation>贴纸</translation>
    </message>
    <message>
      <source>Veil</source>
      <translation>遮罩</translation>
    </message>
    <message>
      <source>Band</source>
      <translation>色带</translation>
    </message>
    <message>
      <source>Badge</source>
      <translation>徽章</translation>
    </message>
    <message>
      <source>Frame</source>
      <translation>相框</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>卡片</translation>
    </message>
    <message>
      <source>Rule</source>
      <translation>分隔线</translation>
    </message>
    <message>
      <source>Tape</source>
      <translation>胶带</translation>
    </message>
    <message>
      <source>Tip</source>
      <translation>提示</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>步骤</translation>
    </message>
    <message>
      <source>Tick</source>
      <translation>勾选</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>条目</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>数字</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Location pill</source>
      <translation>地点标签</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>作者</translation>
    </message>
    <message>
      <source>Stripe</source>
      <translation>条纹</translation>
    </message>
    <message>
      <source>Plate</source>
      <translation>底板</translation>
    </message>
    <message>
      <source>Polaroid</source>
      <translation>拍立得</translation>
    </message>
    <message>
      <source>Masthead</source>
      <translation>刊头</translation>
    </message>
    <message>
      <source>Issue</source>
      <translation>期号</translation>
    </message>
    <message>
      <source>Rating</source>
      <translation>评分</translation>
    </message>
    <message>
      <source>Checklist</source>
      <translation>清单</translation>
    </message>
    <message>
      <source>Corner</source>
      <translation>角标</translation>
    </message>
    <message>
      <source>Decoration</source>
      <translation>装饰</translation>
    </message>
    <message>
      <source>Mark</source>
      <translation>标记</translation>
    </message>
    <message>
      <source>Pin</source>
      <translation>图钉</translation>
    </message>
    <message>
      <source>Box</source>
      <translation>方框</translation>
    </message>
    <message>
      <source>Margin</source>
      <translation>边距</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>太阳</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>天</translation>
    </message>
    <message>
      <source>Days</source>
      <translation>天数</translation>
    </message>
    <message>
      <source>VS badge</source>
      <translation>VS 徽章</translation>
    </message>
    <message>
      <source>VS arrow</source>
      <translation>VS 箭头</translation>
    </message>
    <message>
      <source>Question</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>回答</translation>
    </message>
    <message>
      <source>Question dot</source>
      <translation>问题圆点</translation>
    </message>
    <message>
      <source>Answer dot</source>
      <translation>回答圆点</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>文字</translation>
    </message>
    <message>
      <source>Image</source>
      <translation>图片</translation>
    </message>
    <message>
      <source>Shape</source>
      <translation>形状</translation>
    </message>
  </context>
</TS>