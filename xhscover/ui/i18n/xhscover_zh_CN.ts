<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ColorButton</name>
    <message>
      <location filename="../properties_panel.py" line="57" />
      <source>Pick</source>
      <translation>吸管</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="58" />
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
    <name>LayersPanel</name>
    <message>
      <location filename="../layers_panel.py" line="41" />
      <source>Lock</source>
      <translation>锁定</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="41" />
      <source>Lock / unlock</source>
      <translation>锁定 / 解锁</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="42" />
      <source>Up</source>
      <translation>上移</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="42" />
      <source>Bring forward</source>
      <translation>上移一层</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="43" />
      <source>Down</source>
      <translation>下移</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="43" />
      <source>Send backward</source>
      <translation>下移一层</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="44" />
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="44" />
      <source>Duplicate</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="45" />
      <source>Group</source>
      <translation>编组</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="45" />
      <source>Group / ungroup</source>
      <translation>编组 / 取消编组</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="46" />
      <source>Del</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="46" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="95" />
      <source>group</source>
      <translation>编组</translation>
    </message>
    <message>
      <location filename="../layers_panel.py" line="97" />
      <source>locked</source>
      <translation>已锁定</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../main_window.py" line="74" />
      <source>Layers</source>
      <translation>图层</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="75" />
      <source>Properties</source>
      <translation>属性</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="113" />
      <source>&amp;New…</source>
      <translation>新建(&amp;N)…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="114" />
      <source>&amp;Open…</source>
      <translation>打开(&amp;O)…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="115" />
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="116" />
      <source>Save &amp;As…</source>
      <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="117" />
      <source>&amp;Export…</source>
      <translation>导出(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="118" />
      <source>&amp;Close project</source>
      <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="119" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="120" />
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="121" />
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="123" />
      <source>&amp;Delete</source>
      <translation>删除(&amp;D)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="129" />
      <source>D&amp;uplicate</source>
      <translation>复制(&amp;U)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="130" />
      <source>&amp;Group / ungroup</source>
      <translation>编组 / 取消编组(&amp;G)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="131" />
      <source>Select &amp;all</source>
      <translation>全选(&amp;A)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="134" />
      <source>&amp;Paste image</source>
      <translation>粘贴图片(&amp;P)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="137" />
      <source>Add &amp;text</source>
      <translation>添加文字(&amp;T)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="140" />
      <source>Add &amp;image…</source>
      <translation>添加图片(&amp;I)…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="150" />
      <source>&amp;Fit to window</source>
      <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="151" />
      <source>&amp;Actual pixels (100%)</source>
      <translation>实际像素 (100%)(&amp;A)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="152" />
      <source>Zoom &amp;in</source>
      <translation>放大(&amp;I)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="153" />
      <source>Zoom &amp;out</source>
      <translation>缩小(&amp;O)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="154" />
      <source>&amp;Safe area</source>
      <translation>安全区(&amp;S)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="158" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="161" />
      <source>Open &amp;recent</source>
      <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="167" />
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="173" />
      <source>&amp;Insert</source>
      <translation>插入(&amp;I)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="176" />
      <source>&amp;Arrange</source>
      <translation>排列(&amp;A)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="177" />
      <source>Align left</source>
      <translation>左对齐</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="177" />
      <source>Align centre</source>
      <translation>水平居中</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="178" />
      <source>Align right</source>
      <translation>右对齐</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="178" />
      <source>Align top</source>
      <translation>顶部对齐</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="179" />
      <source>Align middle</source>
      <translation>垂直居中</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="179" />
      <source>Align bottom</source>
      <translation>底部对齐</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="182" />
      <source>Distribute horizontally</source>
      <translation>水平等距分布</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="183" />
      <source>Distribute vertically</source>
      <translation>垂直等距分布</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="185" />
      <source>Bring forward</source>
      <translation>上移一层</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="186" />
      <source>Send backward</source>
      <translation>下移一层</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="187" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="191" />
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="193" />
      <source>System</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="199" />
      <source>Main</source>
      <translation>主工具栏</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="216" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="216" />
      <source>The language changes the next time xhscover starts.</source>
      <translation>语言将在下次启动 xhscover 时生效。</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="223" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="283" />
      <location filename="../main_window.py" line="360" />
      <source>Untitled</source>
      <translation>未命名</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="294" />
      <source>Cannot use this layout</source>
      <translation>无法使用这个版式</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="315" />
      <source>Cannot open the project</source>
      <translation>无法打开项目</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="340" />
      <source>cover</source>
      <translation>封面</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="350" />
      <source>Could not save</source>
      <translation>保存失败</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="353" />
      <source>Saved {0}</source>
      <translation>已保存 {0}</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="390" />
      <source>Could not export</source>
      <translation>导出失败</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="392" />
      <source>Exported {0} file(s)</source>
      <translation>已导出 {0} 个文件</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="404" />
      <source>Text</source>
      <translation>文字</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="405" />
      <source>Double-click to edit</source>
      <translation>双击编辑文字</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="423" />
      <source>Add images</source>
      <translation>添加图片</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="429" />
      <source>Some images could not be added</source>
      <translation>有些图片无法添加</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="445" />
      <source>Cannot paste</source>
      <translation>无法粘贴</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="461" />
      <source>Align</source>
      <translation>对齐</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="469" />
      <source>Distribute</source>
      <translation>分布</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="501" />
      <source>Cannot open</source>
      <translation>无法打开</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="502" />
      <source>Not an image or an xhscover project:</source>
      <translation>不是图片或 xhscover 项目：</translation>
    </message>
    <message>
      <location filename="../app.py" line="84" />
      <source>Cannot restore</source>
      <translation>无法恢复</translation>
    </message>
  </context>
  <context>
    <name>PropertiesPanel</name>
    <message>
      <location filename="../properties_panel.py" line="187" />
      <source>Cover {0} · background</source>
      <translation>封面 {0} · 背景</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="191" />
      <source>{0} layers</source>
      <translation>{0} 个图层</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="328" />
      <source>Position and size</source>
      <translation>位置和大小</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="331" />
      <location filename="../properties_panel.py" line="531" />
      <source>Width</source>
      <translation>宽</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="332" />
      <location filename="../properties_panel.py" line="408" />
      <location filename="../properties_panel.py" line="532" />
      <source>Height</source>
      <translation>高</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="333" />
      <source>Rotation</source>
      <translation>旋转</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="334" />
      <source>Opacity</source>
      <translation>不透明度</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="337" />
      <source>Text</source>
      <translation>文字</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="341" />
      <source>Apply text</source>
      <translation>应用文字</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="354" />
      <source>Font</source>
      <translation>字体</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="356" />
      <source>Weight</source>
      <translation>字重</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="357" />
      <source>Size</source>
      <translation>尺寸</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="358" />
      <source>Italic</source>
      <translation>斜体</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="359" />
      <location filename="../properties_panel.py" line="557" />
      <location filename="../properties_panel.py" line="562" />
      <source>Fill</source>
      <translation>填充</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="360" />
      <location filename="../properties_panel.py" line="563" />
      <source>Solid</source>
      <translation>纯色</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="360" />
      <location filename="../properties_panel.py" line="563" />
      <source>Linear gradient</source>
      <translation>线性渐变</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="361" />
      <location filename="../properties_panel.py" line="564" />
      <source>Radial gradient</source>
      <translation>径向渐变</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="362" />
      <location filename="../properties_panel.py" line="402" />
      <location filename="../properties_panel.py" line="407" />
      <location filename="../properties_panel.py" line="410" />
      <location filename="../properties_panel.py" line="565" />
      <source>Colour</source>
      <translation>颜色</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="366" />
      <source>Gradient end</source>
      <translation>渐变终点色</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="367" />
      <source>Gradient angle</source>
      <translation>渐变角度</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="383" />
      <source>Add stroke</source>
      <translation>添加描边</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="387" />
      <source>Remove stroke</source>
      <translation>删除描边</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="398" />
      <source>Strokes</source>
      <translation>描边</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="401" />
      <source>Shadow</source>
      <translation>阴影</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="405" />
      <source>Blur</source>
      <translation>模糊</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="406" />
      <source>Highlighter</source>
      <translation>荧光笔</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="409" />
      <source>Label box</source>
      <translation>标签底框</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="411" />
      <source>Padding X</source>
      <translation>水平内边距</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="412" />
      <source>Padding Y</source>
      <translation>垂直内边距</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="413" />
      <source>Radius</source>
      <translation>圆角</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="414" />
      <source>Letter spacing</source>
      <translation>字间距</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="415" />
      <source>Line height</source>
      <translation>行高</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="416" />
      <source>Align</source>
      <translation>对齐</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="417" />
      <source>Left</source>
      <translation>左</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="417" />
      <source>Centre</source>
      <translation>中</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="417" />
      <source>Right</source>
      <translation>右</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="418" />
      <source>Vertical</source>
      <translation>垂直</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="419" />
      <source>Top</source>
      <translation>顶部</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="419" />
      <source>Middle</source>
      <translation>居中</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="419" />
      <source>Bottom</source>
      <translation>底部</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="420" />
      <source>Shrink to fit the box</source>
      <translation>自动缩小以适应文本框</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="501" />
      <source>Image</source>
      <translation>图片</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="502" />
      <source>Replace image…</source>
      <translation>替换图片…</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="506" />
      <source>Fit</source>
      <translation>适应方式</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="506" />
      <source>Fill (crop)</source>
      <translation>填满（裁切）</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="506" />
      <source>Fit inside</source>
      <translation>完整显示</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="507" />
      <source>Stretch</source>
      <translation>拉伸</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="518" />
      <source>Focal point</source>
      <translation>焦点</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="528" />
      <source>Crop</source>
      <translation>裁剪</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="533" />
      <location filename="../properties_panel.py" line="558" />
      <source>Corner radius</source>
      <translation>圆角</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="553" />
      <source>Cannot use this image</source>
      <translation>无法使用这张图片</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="556" />
      <source>Shape</source>
      <translation>形状</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="561" />
      <source>Background</source>
      <translation>背景</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="566" />
      <source>Image dim</source>
      <translation>图片压暗</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="567" />
      <source>Image blur</source>
      <translation>图片模糊</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="582" />
      <source>Ratio</source>
      <translation>比例</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="586" />
      <source>Note title shown under the cover in the feed</source>
      <translation>信息流中封面下方显示的笔记标题</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="596" />
      <source>Note title</source>
      <translation>笔记标题</translation>
    </message>
  </context>
  <context>
    <name>StartPage</name>
    <message>
      <location filename="../start_page.py" line="87" />
      <source>New cover from a layout</source>
      <translation>从版式新建封面</translation>
    </message>
    <message>
      <location filename="../start_page.py" line="91" />
      <source>3:4 portrait</source>
      <translation>3:4 竖版</translation>
    </message>
    <message>
      <location filename="../start_page.py" line="91" />
      <source>1:1 square</source>
      <translation>1:1 方形</translation>
    </message>
    <message>
      <location filename="../start_page.py" line="92" />
      <source>4:3 landscape</source>
      <translation>4:3 横版</translation>
    </message>
    <message>
      <location filename="../start_page.py" line="98" />
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <location filename="../start_page.py" line="120" />
      <source>Open project…</source>
      <translation>打开项目…</translation>
    </message>
    <message>
      <location filename="../start_page.py" line="122" />
      <source>Blank cover</source>
      <translation>空白封面</translation>
    </message>
    <message>
      <location filename="../start_page.py" line="125" />
      <source>Recent projects</source>
      <translation>最近的项目</translation>
    </message>
    <message>
      <location filename="../start_page.py" line="132" />
      <source>Ratio</source>
      <translation>比例</translation>
    </message>
  </context>
  <context>
    <name>VariantsBar</name>
    <message>
      <location filename="../variants_bar.py" line="26" />
      <source>Duplicate this variant (A/B test a new idea)</source>
      <translation>复制当前方案（A/B 测试新想法）</translation>
    </message>
    <message>
      <location filename="../variants_bar.py" line="72" />
      <source>Rename variant</source>
      <translation>重命名方案</translation>
    </message>
    <message>
      <location filename="../variants_bar.py" line="72" />
      <source>Name:</source>
      <translation>名称：</translation>
    </message>
    <message>
      <location filename="../variants_bar.py" line="89" />
      <source>Duplicate</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../variants_bar.py" line="90" />
      <source>Rename…</source>
      <translation>重命名…</translation>
    </message>
    <message>
      <location filename="../variants_bar.py" line="91" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
  </context>
  <context>
    <name>commands</name>
    <message>
      <location filename="../../editing/commands.py" line="43" />
      <source>Change properties</source>
      <translation>修改属性</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="95" />
      <source>Move</source>
      <translation>移动</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="131" />
      <source>Add layer</source>
      <translation>添加图层</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="136" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="145" />
      <location filename="../../editing/commands.py" line="152" />
      <source>Reorder</source>
      <translation>调整顺序</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="169" />
      <source>copy</source>
      <translation>副本</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="176" />
      <source>Duplicate</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="189" />
      <source>Group</source>
      <translation>编组</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="193" />
      <source>Ungroup</source>
      <translation>取消编组</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="197" />
      <source>Show</source>
      <translation>显示</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="197" />
      <source>Hide</source>
      <translation>隐藏</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="201" />
      <source>Lock</source>
      <translation>锁定</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="201" />
      <source>Unlock</source>
      <translation>解锁</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="205" />
      <source>Rename</source>
      <translation>重命名</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="211" />
      <source>Replace image</source>
      <translation>替换图片</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="215" />
      <source>Background</source>
      <translation>背景</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="230" />
      <source>Image</source>
      <translation>图片</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="264" />
      <source>Duplicate variant</source>
      <translation>复制方案</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="269" />
      <source>Add variant</source>
      <translation>添加方案</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="277" />
      <source>Delete variant</source>
      <translation>删除方案</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="281" />
      <source>Rename variant</source>
      <translation>重命名方案</translation>
    </message>
    <message>
      <location filename="../../editing/commands.py" line="300" />
      <source>Change ratio</source>
      <translation>更改比例</translation>
    </message>
    <message>
      <location filename="../canvas.py" line="490" />
      <source>Rotate</source>
      <translation>旋转</translation>
    </message>
    <message>
      <location filename="../canvas.py" line="537" />
      <source>Resize</source>
      <translation>调整大小</translation>
    </message>
    <message>
      <location filename="../canvas.py" line="666" />
      <location filename="../properties_panel.py" line="343" />
      <source>Edit text</source>
      <translation>编辑文字</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="286" />
      <source>Colour</source>
      <translation>颜色</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="451" />
      <source>Gradient</source>
      <translation>渐变</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="486" />
      <source>Add stroke</source>
      <translation>添加描边</translation>
    </message>
    <message>
      <location filename="../properties_panel.py" line="493" />
      <source>Remove stroke</source>
      <translation>删除描边</translation>
    </message>
  </context>
  <context>
    <name>dialogs</name>
    <message>
      <location filename="../dialogs.py" line="27" />
      <source>Unsaved changes</source>
      <translation>未保存的修改</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="28" />
      <source>Save the changes to “{0}” before closing?</source>
      <translation>关闭前保存对“{0}”的修改吗？</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="39" />
      <source>Restore unsaved work</source>
      <translation>恢复未保存的工作</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="40" />
      <source>xhscover did not close properly last time. Restore the unsaved work ({0} project(s))?</source>
      <translation>xhscover 上次没有正常退出。要恢复未保存的工作（{0} 个项目）吗？</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="45" />
      <source>Open project</source>
      <translation>打开项目</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="46" />
      <location filename="../dialogs.py" line="52" />
      <source>xhscover projects (*.xhscover)</source>
      <translation>xhscover 项目 (*.xhscover)</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="51" />
      <source>Save project</source>
      <translation>保存项目</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="59" />
      <source>Choose images</source>
      <translation>选择图片</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="60" />
      <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</source>
      <translation>图片 (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="66" />
      <source>Export to folder</source>
      <translation>导出到文件夹</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="67" />
      <source>Export image</source>
      <translation>导出图片</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="67" />
      <source>Images (*.png *.jpg)</source>
      <translation>图片 (*.png *.jpg)</translation>
    </message>
    <message>
      <location filename="../dialogs.py" line="75" />
      <source>Choose colour</source>
      <translation>选择颜色</translation>
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
</TS>