<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Explorer</source>
        <extracomment>A menu text: a literal marked with ``QT_TRANSLATE_NOOP(&quot;Actions&quot;, ...)`` (translated when shown), or a function building the text in the current language (texts with numbers). Views of the window, in the order of the View menu and the Ctrl+1.. shortcuts.</extracomment>
        <translation>探索器(&amp;E)</translation>
    </message>
    <message>
        <source>Deep networks: &amp;depth</source>
        <translation>深度网络：深度(&amp;D)</translation>
    </message>
    <message>
        <source>Deep networks: edge of &amp;chaos</source>
        <translation>深度网络：混沌边缘(&amp;C)</translation>
    </message>
    <message>
        <source>Deep networks: &amp;training</source>
        <translation>深度网络：训练(&amp;T)</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Window as PNG (&amp;{scale}×)…</source>
        <translation>窗口存为 PNG（{scale}×）(&amp;{scale})…</translation>
    </message>
    <message>
        <source>The whole window as a PNG image at {scale}× its size on screen</source>
        <translation>将整个窗口按屏幕尺寸的 {scale}× 存为 PNG 图像</translation>
    </message>
    <message>
        <source>{plot} as {format}…</source>
        <translation>{plot}存为 {format}…</translation>
    </message>
    <message>
        <source>The {plot} as a PNG image at {scale}× its size</source>
        <translation>将{plot}按 {scale}× 尺寸存为 PNG 图像</translation>
    </message>
    <message>
        <source>The {plot} as an SVG drawing (vector graphics)</source>
        <translation>将{plot}存为 SVG 矢量图</translation>
    </message>
    <message>
        <source>&amp;Curves as CSV…</source>
        <translation>曲线存为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Histograms as CSV…</source>
        <translation>直方图存为 CSV(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Statistics as CSV…</source>
        <translation>统计量存为 CSV(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Animation as GIF…</source>
        <translation>动画存为 GIF(&amp;A)…</translation>
    </message>
    <message>
        <source>The Animate panel&apos;s sweep as an animated GIF</source>
        <translation>将“动画”面板中的参数扫描存为 GIF 动图</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a scene or a lecture (*.actx.json)</source>
        <translation>打开场景或讲稿（*.actx.json）</translation>
    </message>
    <message>
        <source>&amp;Clear recent</source>
        <translation>清除最近记录(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save scene…</source>
        <translation>保存场景(&amp;S)…</translation>
    </message>
    <message>
        <source>Save what the window shows as a scene file</source>
        <translation>将窗口当前显示的内容保存为场景文件</translation>
    </message>
    <message>
        <source>Save scene &amp;as…</source>
        <translation>场景另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save &amp;lecture…</source>
        <translation>保存讲稿(&amp;L)…</translation>
    </message>
    <message>
        <source>Save the scene list as a lecture file</source>
        <translation>将场景列表保存为讲稿文件</translation>
    </message>
    <message>
        <source>Save &amp;image…</source>
        <extracomment>Every menu action; the window builds its menus from this table, in this order.</extracomment>
        <translation>保存图像(&amp;I)…</translation>
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
        <source>Redo (also Ctrl+Y)</source>
        <translation>重做（也可用 Ctrl+Y）</translation>
    </message>
    <message>
        <source>&amp;Copy formula (LaTeX)</source>
        <translation>复制公式（LaTeX）(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the current function&apos;s formula as LaTeX</source>
        <translation>以 LaTeX 形式复制当前函数的公式</translation>
    </message>
    <message>
        <source>Copy as &amp;PyTorch code</source>
        <translation>复制为 PyTorch 代码(&amp;P)</translation>
    </message>
    <message>
        <source>Copy PyTorch code for the current function</source>
        <translation>复制当前函数的 PyTorch 代码</translation>
    </message>
    <message>
        <source>Copy as &amp;NumPy code</source>
        <translation>复制为 NumPy 代码(&amp;N)</translation>
    </message>
    <message>
        <source>Copy NumPy code for the current function</source>
        <translation>复制当前函数的 NumPy 代码</translation>
    </message>
    <message>
        <source>&amp;Search functions</source>
        <translation>搜索函数(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Next function</source>
        <translation>下一个函数(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous function</source>
        <translation>上一个函数(&amp;P)</translation>
    </message>
    <message>
        <source>Next function or &amp;scene</source>
        <translation>下一个函数或场景(&amp;S)</translation>
    </message>
    <message>
        <source>The next scene of an open lecture, or the next function</source>
        <translation>已打开讲稿的下一个场景，或下一个函数</translation>
    </message>
    <message>
        <source>Previous function or s&amp;cene</source>
        <translation>上一个函数或场景(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Reset parameters</source>
        <translation>重置参数(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Resample</source>
        <translation>重新采样(&amp;R)</translation>
    </message>
    <message>
        <source>Show &amp;input histogram</source>
        <translation>显示输入直方图(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Pin current function</source>
        <translation>固定当前函数(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Unpin last</source>
        <translation>取消最后一个固定(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Clear pins</source>
        <translation>清除所有固定(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Log |f′| scale</source>
        <translation>|f′| 对数刻度(&amp;L)</translation>
    </message>
    <message>
        <source>Reset &amp;view</source>
        <translation>重置视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;in on x</source>
        <translation>放大 x 轴(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out on x</source>
        <translation>缩小 x 轴(&amp;O)</translation>
    </message>
    <message>
        <source>Show &amp;derivative</source>
        <translation>显示导数(&amp;D)</translation>
    </message>
    <message>
        <source>Show &amp;histograms</source>
        <translation>显示直方图(&amp;H)</translation>
    </message>
    <message>
        <source>Show &amp;pinned functions</source>
        <translation>显示固定的函数(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;resentation mode</source>
        <translation>演示模式(&amp;R)</translation>
    </message>
    <message>
        <source>Full screen, large type, only the plots (F11 or Esc)</source>
        <translation>全屏、大字号、只显示图（F11 或 Esc）</translation>
    </message>
    <message>
        <source>&amp;Scene list</source>
        <translation>场景列表(&amp;S)</translation>
    </message>
    <message>
        <source>Show the lecture&apos;s scenes in a side panel</source>
        <translation>在侧栏中显示讲稿的场景</translation>
    </message>
    <message>
        <source>&amp;Animate parameter…</source>
        <translation>参数动画(&amp;A)…</translation>
    </message>
    <message>
        <source>Play a parameter between two bounds (bottom panel)</source>
        <translation>让某个参数在两个界限之间连续变化（底部面板）</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Follow the system&apos;s language</source>
        <translation>使用系统的语言</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About ActExplorer</source>
        <translation>关于 ActExplorer(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AnimationPanel</name>
    <message>
        <source>Once</source>
        <extracomment>The timer&apos;s period: about 30 frames per second. Steps of the scrub slider. Seconds per sweep offered by the speed box (the timeline itself allows 0.1 to 600).</extracomment>
        <translation>单次</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>Ping-pong</source>
        <translation>往返</translation>
    </message>
    <message>
        <source>Animate</source>
        <extracomment>Seconds on a monotonic clock; tests put a fake one here and call :meth:`tick`. The dock&apos;s title (&quot;Animate&quot; reads as a verb: the dock animates a parameter).</extracomment>
        <translation>参数动画</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>The parameter to play</source>
        <translation>要播放的参数</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>The value the sweep starts from</source>
        <translation>扫描的起始值</translation>
    </message>
    <message>
        <source>The value the sweep goes to</source>
        <translation>扫描的终止值</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>Move geometrically (equal time per factor, e.g. 0.1 → 1 → 10); needs both bounds &gt; 0</source>
        <translation>按几何级数变化（每变化同样的倍数用时相同，如 0.1 → 1 → 10）；要求两个界限都 &gt; 0</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Once: stop at the end. Loop: jump back and repeat. Ping-pong: go back and forth</source>
        <translation>单次：到终点即停止。循环：跳回起点重复。往返：来回往复</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>扫描时长</translation>
    </message>
    <message>
        <source>Seconds for one sweep from the first bound to the second</source>
        <translation>从第一个界限扫描到第二个界限所用的秒数</translation>
    </message>
    <message>
        <source>Play or pause the animation</source>
        <translation>播放或暂停动画</translation>
    </message>
    <message>
        <source>Where the parameter is between the bounds; drag to scrub</source>
        <translation>参数在两个界限之间的位置；拖动可手动定位</translation>
    </message>
    <message>
        <source>Export GIF…</source>
        <translation>导出 GIF…</translation>
    </message>
    <message>
        <source>Save one cycle of the animation as an animated GIF</source>
        <translation>将动画的一个周期保存为 GIF 动图</translation>
    </message>
    <message>
        <source>{name} has no parameters to animate.</source>
        <translation>{name} 没有可做动画的参数。</translation>
    </message>
    <message>
        <source>{function} has no parameter {name} to animate</source>
        <translation>{function} 没有可做动画的参数 {name}</translation>
    </message>
    <message>
        <source>Paused: {name} was changed elsewhere.</source>
        <translation>已暂停：{name} 在别处被修改。</translation>
    </message>
    <message>
        <source>{value} is refused: {reason}</source>
        <translation>{value} 不被接受：{reason}</translation>
    </message>
    <message>
        <source>❚❚  Pause</source>
        <translation>❚❚  暂停</translation>
    </message>
    <message>
        <source>▶  Play</source>
        <translation>▶  播放</translation>
    </message>
    <message>
        <source>Export animation as GIF</source>
        <translation>将动画导出为 GIF</translation>
    </message>
    <message>
        <source>GIF animations (*.gif)</source>
        <translation>GIF 动图 (*.gif)</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>an animation is being exported already</source>
        <translation>已有一个动画正在导出</translation>
    </message>
    <message>
        <source>Drawing the frames…</source>
        <translation>正在绘制各帧…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Saved {path} ({size} MB)</source>
        <translation>已保存 {path}（{size} MB）</translation>
    </message>
    <message>
        <source>The GIF was not saved: {reason}</source>
        <translation>GIF 未保存：{reason}</translation>
    </message>
    <message>
        <source>GIF export cancelled</source>
        <translation>已取消 GIF 导出</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Computing…</source>
        <extracomment>Colour maps: perceptually uniform for densities, colour-blind-safe diverging for ln χ. Both carry their own lightness ramp, so they read the same on a light and a dark plot.</extracomment>
        <translation>计算中…</translation>
    </message>
</context>
<context>
    <name>ChaosView</name>
    <message>
        <source>ordered</source>
        <extracomment>The diagram&apos;s axes: σ_w over columns, σ_b over rows. ln χ is coloured over [−LN_CHI_LIMIT, LN_CHI_LIMIT] (χ from 0.2 to 5).</extracomment>
        <translation>有序</translation>
    </message>
    <message>
        <source>chaotic</source>
        <translation>混沌</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>临界</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <source>not converged</source>
        <translation>未收敛</translation>
    </message>
    <message>
        <source>Phase diagram</source>
        <translation>相图</translation>
    </message>
    <message>
        <source>Variance map</source>
        <translation>方差映射</translation>
    </message>
    <message>
        <source>Click to use W ~ N(0, σ_w²/fan_in), b ~ N(0, σ_b²) there</source>
        <translation>单击以在该点取 W ~ N(0, σ_w²/fan_in)，b ~ N(0, σ_b²)</translation>
    </message>
    <message>
        <source>ordered  χ &lt; 1</source>
        <translation>有序相  χ &lt; 1</translation>
    </message>
    <message>
        <source>chaotic  χ &gt; 1</source>
        <translation>混沌相  χ &gt; 1</translation>
    </message>
    <message>
        <source>In a wide random network a layer maps the pre-activation variance q to σ_w²E[φ(√q z)²] + σ_b². At its fixed point q*, χ = σ_w²E[φ′(√q* z)²] is the factor by which a small difference between two inputs, and the squared gradient, grow per layer: χ &amp;lt; 1 (ordered) forgets the input and gradients vanish, χ &amp;gt; 1 (chaotic) scrambles it and gradients explode. Deep networks train best on the line χ = 1 (Poole et al. 2016; Schoenholz et al. 2017).</source>
        <translation>在很宽的随机网络中，每一层把预激活方差 q 映射为 σ_w²E[φ(√q z)²] + σ_b²。在其不动点 q* 处，χ = σ_w²E[φ′(√q* z)²] 是两个输入之间的微小差异以及梯度平方每经过一层所放大的倍数：χ &amp;lt; 1（有序相）时网络会遗忘输入，出现梯度消失；χ &amp;gt; 1（混沌相）时输入被打乱，出现梯度爆炸。深度网络在 χ = 1 这条线上最容易训练（Poole 等，2016；Schoenholz 等，2017）。</translation>
    </message>
    <message>
        <source>signals mix over ξ = 1/|ln χ| ≈ {depth} layers</source>
        <translation>信号在 ξ = 1/|ln χ| ≈ {depth} 层内混合</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>Pin current</source>
        <translation>固定当前</translation>
    </message>
    <message>
        <source>Keep this curve for comparison (up to {count})</source>
        <translation>保留这条曲线用于对比（最多 {count} 条）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Remove every pinned curve</source>
        <translation>移除所有固定的曲线</translation>
    </message>
    <message>
        <source>Outline pinned histograms</source>
        <translation>显示固定函数的直方图轮廓</translation>
    </message>
    <message>
        <source>Pin functions to overlay them on f and f′.</source>
        <translation>固定函数后，可将其叠加在 f 和 f′ 的图上进行对比。</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消固定</translation>
    </message>
</context>
<context>
    <name>ExplorerController</name>
    <message>
        <source>undefined</source>
        <translation>无定义</translation>
    </message>
    <message>
        <source>statistics unavailable: {reason}</source>
        <extracomment>The newest statistics of the current function (None for a vector function). Text for the crosshair readout (&quot;&quot; when the mouse is elsewhere).</extracomment>
        <translation>统计量不可用：{reason}</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>the plot item is in no scene, so there is nothing to draw</source>
        <extracomment>The resolutions offered for PNG export, as multiples of the on-screen size. What can be drawn as a plot: a PlotWidget (or any pyqtgraph view), or a PlotItem in a scene.</extracomment>
        <translation>该图不在任何场景中，没有可绘制的内容</translation>
    </message>
    <message>
        <source>nothing to draw: the plot is {width} × {height} pixels</source>
        <translation>没有可绘制的内容：图的大小为 {width} × {height} 像素</translation>
    </message>
    <message>
        <source>ActExplorer plot</source>
        <translation>ActExplorer 图</translation>
    </message>
    <message>
        <source>Drawn by ActExplorer {version}</source>
        <translation>由 ActExplorer {version} 绘制</translation>
    </message>
    <message>
        <source>Qt could not start an SVG drawing</source>
        <translation>Qt 无法开始绘制 SVG</translation>
    </message>
    <message>
        <source>nothing to draw: the widget is {width} × {height} pixels</source>
        <translation>没有可绘制的内容：控件的大小为 {width} × {height} 像素</translation>
    </message>
    <message>
        <source>the plot&apos;s SVG drawing could not be read back</source>
        <translation>无法读回该图的 SVG 绘图</translation>
    </message>
    <message>
        <source>Qt could not encode the image as PNG</source>
        <translation>Qt 无法将图像编码为 PNG</translation>
    </message>
</context>
<context>
    <name>ExportCommands</name>
    <message>
        <source>Function plot</source>
        <extracomment>The explorer&apos;s plots by export name, in the order of :attr:`PlotsView.plots`, with their titles.</extracomment>
        <translation>函数图</translation>
    </message>
    <message>
        <source>Derivative plot</source>
        <translation>导数图</translation>
    </message>
    <message>
        <source>Histogram of f(X)</source>
        <translation>f(X) 的直方图</translation>
    </message>
    <message>
        <source>Histogram of f′(X)</source>
        <translation>f′(X) 的直方图</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <extracomment>What can be exported as CSV. Resolution of a plot exported as PNG (plots usually go to slides and papers). The settings key of the folder the last export went to. Longest wait for statistics still being computed when they are exported.</extracomment>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Export curves as CSV</source>
        <translation>将曲线导出为 CSV</translation>
    </message>
    <message>
        <source>Export histograms as CSV</source>
        <translation>将直方图导出为 CSV</translation>
    </message>
    <message>
        <source>Export statistics as CSV</source>
        <translation>将统计量导出为 CSV</translation>
    </message>
    <message>
        <source>Copied the formula of {name} as LaTeX</source>
        <extracomment>Problems a user can cause and fix (a folder that cannot be written, nothing to export).</extracomment>
        <translation>已复制 {name} 的 LaTeX 公式</translation>
    </message>
    <message>
        <source>there is no curve to export yet</source>
        <translation>还没有可导出的曲线</translation>
    </message>
    <message>
        <source>the statistics are not ready yet; try again in a moment</source>
        <translation>统计量尚未算完，请稍后再试</translation>
    </message>
    <message>
        <source>{name} acts on whole vectors: it has no curves, histograms or statistics to export</source>
        <translation>{name} 作用于整个向量：没有可导出的曲线、直方图或统计量</translation>
    </message>
    <message>
        <source>Export window as PNG</source>
        <translation>将窗口导出为 PNG</translation>
    </message>
    <message>
        <source>Export {plot} as {format}</source>
        <translation>将{plot}导出为 {format}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>GifDialog</name>
    <message>
        <source>Export animation as GIF</source>
        <translation>将动画导出为 GIF</translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Include the histograms</source>
        <translation>包含直方图</translation>
    </message>
    <message>
        <source>Each frame waits for the statistics of its value: slower with many samples</source>
        <translation>每一帧都要等该参数值的统计量算完：样本多时较慢</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>plays once</source>
        <translation>播放一次</translation>
    </message>
    <message>
        <source>loops</source>
        <translation>循环播放</translation>
    </message>
    <message>
        <source>there and back, looping</source>
        <translation>往返循环播放</translation>
    </message>
    <message>
        <source>{frames} frames, {seconds} s ({how}). The length is the sweep time set in the Animate panel.</source>
        <translation>共 {frames} 帧，{seconds} s（{how}）。时长即“参数动画”面板中设置的扫描时长。</translation>
    </message>
</context>
<context>
    <name>GifExport</name>
    <message>
        <source>{name} must be a whole number; got {value}</source>
        <extracomment>Frame rates offered; GIF delays are whole hundredths of a second and browsers slow down anything faster than 50 fps, so 30 is the top. Width of the picture in pixels (the height follows the plots&apos; shape). At most this many frames: 20 s at 15 fps, already a large file. Colours of the shared palette: curves, fills, grid and antialiased text fit easily. Longest wait for one frame&apos;s statistics before the export gives up. Above this many samples a frame&apos;s statistics take long enough that histograms are off by default (the user may still ask for them).</extracomment>
        <translation>{name} 必须是整数；输入的是 {value}</translation>
    </message>
    <message>
        <source>{name} must lie in [{low}, {high}]; got {value}</source>
        <translation>{name} 须在 [{low}, {high}] 之间；输入的是 {value}</translation>
    </message>
    <message>
        <source>there are no frames to save</source>
        <translation>没有可保存的帧</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file name</source>
        <translation>{path} 是文件夹，请选择一个文件名</translation>
    </message>
    <message>
        <source>the folder {path} does not exist</source>
        <translation>文件夹 {path} 不存在</translation>
    </message>
    <message>
        <source>the function changed during the export</source>
        <translation>导出过程中函数被更换了</translation>
    </message>
    <message>
        <source>the statistics took too long; export without histograms or with fewer samples</source>
        <translation>统计量计算耗时过长；请不含直方图导出，或减少样本数</translation>
    </message>
</context>
<context>
    <name>InputPanel</name>
    <message>
        <source>Normal</source>
        <extracomment>The input distributions&apos; names (keys of ``DISTRIBUTIONS``), translated when shown.</extracomment>
        <translation>正态分布</translation>
    </message>
    <message>
        <source>Uniform</source>
        <translation>均匀分布</translation>
    </message>
    <message>
        <source>Laplace</source>
        <translation>拉普拉斯分布</translation>
    </message>
    <message>
        <source>Mixture of two normals</source>
        <translation>双正态混合分布</translation>
    </message>
    <message>
        <source>X ~</source>
        <translation>X ~</translation>
    </message>
    <message>
        <source>The distribution the inputs X are drawn from</source>
        <translation>输入 X 所服从的分布</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Resample</source>
        <translation>重新采样</translation>
    </message>
    <message>
        <source>Draw new inputs (next seed)</source>
        <translation>抽取新的输入（使用下一个种子）</translation>
    </message>
    <message>
        <source>Show inputs X behind f(X)</source>
        <translation>在 f(X) 后面显示输入 X</translation>
    </message>
    <message>
        <source>Training mode (random slopes)</source>
        <translation>训练模式（随机斜率）</translation>
    </message>
    <message>
        <source>samples must lie in [{low}, {high}]; got {value}</source>
        <translation>样本数须在 [{low}, {high}] 之间；输入的是 {value}</translation>
    </message>
    <message>
        <source>seed must lie in [0, {high}]; got {value}</source>
        <translation>随机种子须在 [0, {high}] 之间；输入的是 {value}</translation>
    </message>
</context>
<context>
    <name>LabPanel</name>
    <message>
        <source>Activation</source>
        <extracomment>Page names, in tab order (also the names ``show_page`` and ``--view`` accept).</extracomment>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>The function under study; shared with the explorer</source>
        <translation>所研究的函数；与探索器共用</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>Signals and gradients through a random deep network</source>
        <translation>信号与梯度在随机深度网络中的传播</translation>
    </message>
    <message>
        <source>Edge of chaos</source>
        <translation>混沌边缘</translation>
    </message>
    <message>
        <source>Mean-field phase diagram over (σ_w, σ_b)</source>
        <translation>(σ_w, σ_b) 平面上的平均场相图</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>A small network learning a 2-D dataset</source>
        <translation>一个小网络学习二维数据集</translation>
    </message>
    <message>
        <source>{name} acts on whole vectors; the lab needs a scalar function</source>
        <translation>{name} 作用于整个向量；实验室需要逐元素的标量函数</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <extracomment>The menus&apos; titles (each part of an :attr:`ActionSpec.menu` path), translated when shown.</extracomment>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Function</source>
        <translation>函数(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Inputs</source>
        <translation>输入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>对比(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>ParameterPanel</name>
    <message>
        <source>Use the default parameters of a framework</source>
        <translation>使用某个框架的默认参数</translation>
    </message>
    <message>
        <source>Defaults from</source>
        <translation>默认值来自</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>全部重置</translation>
    </message>
    <message>
        <source>Every parameter back to its default</source>
        <translation>将所有参数恢复为默认值</translation>
    </message>
    <message>
        <source>This function has no parameters.</source>
        <translation>该函数没有参数。</translation>
    </message>
</context>
<context>
    <name>PlotsView</name>
    <message>
        <source>density</source>
        <extracomment>Dash patterns paired with the pin colours so curves differ without colour too. Point sizes of the plain look; a look&apos;s font_scale multiplies them. Fitted ranges keep this share of the data&apos;s span free on each side. A fitted range is moved only when one of its ends is off by more than this share of the span. Smaller than _PAD, so data inside a range that was not moved still never touches its edges. Changes of one axis&apos;s data closer together than this are a storm (a slider being dragged). During a storm a range moves only when the data leaves it or fills less than 1/_LOOSE of it, and then with this much headroom each side, so the axes are redrawn every few steps instead of on every step; the tight fit follows when the storm has been over for _SETTLE_MS.</extracomment>
        <translation>密度</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Derivative</source>
        <translation>导数</translation>
    </message>
    <message>
        <source>Outputs f(X)</source>
        <translation>输出 f(X)</translation>
    </message>
    <message>
        <source>Local gradients f′(X)</source>
        <translation>局部梯度 f′(X)</translation>
    </message>
    <message>
        <source>|f′(x)|  (log scale)</source>
        <translation>|f′(x)|（对数刻度）</translation>
    </message>
</context>
<context>
    <name>PresentationMode</name>
    <message>
        <source>Next function, or next scene of a lecture</source>
        <extracomment>One zoom step multiplies (out) or divides (in) the width of the x window by this. Up/Down move the first parameter by this share of its slider. Sizes in presentation mode (points): what reads from the back of a lecture hall at 1080p. The keys of presentation mode, in the order of the shortcut sheet. Keys that menu actions already own (Page Down/Up, F11, F1) are not repeated: two bindings would cancel each other.</extracomment>
        <translation>下一个函数，或讲稿的下一个场景</translation>
    </message>
    <message>
        <source>Previous function, or previous scene</source>
        <translation>上一个函数，或上一个场景</translation>
    </message>
    <message>
        <source>Move the first parameter up</source>
        <translation>增大第一个参数</translation>
    </message>
    <message>
        <source>Move the first parameter down</source>
        <translation>减小第一个参数</translation>
    </message>
    <message>
        <source>Reset the parameters</source>
        <translation>重置参数</translation>
    </message>
    <message>
        <source>Show or hide the derivative</source>
        <translation>显示或隐藏导数</translation>
    </message>
    <message>
        <source>Show or hide the histograms</source>
        <translation>显示或隐藏直方图</translation>
    </message>
    <message>
        <source>Show or hide the compared (pinned) functions</source>
        <translation>显示或隐藏用于对比的（固定的）函数</translation>
    </message>
    <message>
        <source>Zoom in on x</source>
        <translation>放大 x 轴</translation>
    </message>
    <message>
        <source>Zoom out on x</source>
        <translation>缩小 x 轴</translation>
    </message>
    <message>
        <source>Reset the x range</source>
        <translation>重置 x 范围</translation>
    </message>
    <message>
        <source>Leave presentation mode</source>
        <translation>退出演示模式</translation>
    </message>
    <message>
        <source>Presentation mode: F11 or Esc to leave, F1 for the keys</source>
        <translation>演示模式：按 F11 或 Esc 退出，按 F1 查看快捷键</translation>
    </message>
</context>
<context>
    <name>PropertiesCard</name>
    <message>
        <source>jumps</source>
        <translation>有跳跃</translation>
    </message>
    <message>
        <source>continuous, with kinks</source>
        <translation>连续，有折点</translation>
    </message>
    <message>
        <source>continuous slope</source>
        <translation>斜率连续</translation>
    </message>
    <message>
        <source>continuous curvature</source>
        <translation>曲率连续</translation>
    </message>
    <message>
        <source>infinitely smooth</source>
        <translation>无穷阶光滑</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low} 至 {high}</translation>
    </message>
    <message>
        <source>Range</source>
        <extracomment>Parameter settings whose fact texts a card remembers. (attribute of Properties, row title, tooltip) in display order; translated when shown.</extracomment>
        <translation>值域</translation>
    </message>
    <message>
        <source>The values f(x) can take</source>
        <translation>f(x) 可取的值</translation>
    </message>
    <message>
        <source>Monotonic</source>
        <translation>单调</translation>
    </message>
    <message>
        <source>f never decreases</source>
        <translation>f 从不减小</translation>
    </message>
    <message>
        <source>Smoothness</source>
        <translation>光滑性</translation>
    </message>
    <message>
        <source>How many continuous derivatives f has</source>
        <translation>f 有几阶连续导数</translation>
    </message>
    <message>
        <source>Zero-centred</source>
        <translation>零中心</translation>
    </message>
    <message>
        <source>Outputs are centred on 0, negative and positive</source>
        <translation>输出以 0 为中心，有正有负</translation>
    </message>
    <message>
        <source>Saturating</source>
        <translation>饱和</translation>
    </message>
    <message>
        <source>f′ → 0 in at least one tail: gradients vanish there</source>
        <translation>至少在一侧尾部 f′ → 0：梯度在那里消失</translation>
    </message>
    <message>
        <source>Sparse</source>
        <translation>稀疏</translation>
    </message>
    <message>
        <source>f is exactly 0 on a whole interval: units can be dead</source>
        <translation>f 在整个区间上恰好为 0：神经元可能死亡</translation>
    </message>
    <message>
        <source>Identity near 0</source>
        <translation>0 附近近似恒等</translation>
    </message>
    <message>
        <source>f(0) = 0 and f′(0) = 1</source>
        <translation>f(0) = 0 且 f′(0) = 1</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>优点</translation>
    </message>
    <message>
        <source>Weaknesses</source>
        <translation>缺点</translation>
    </message>
    <message>
        <source>Where it is used</source>
        <translation>应用场景</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <source>{smoothness} ({note})</source>
        <translation>{smoothness}（{note}）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Parameters</source>
        <extracomment>Titles of the window&apos;s sections; :func:`section_title` translates them (context &quot;Sections&quot;).</extracomment>
        <translation>参数</translation>
    </message>
    <message>
        <source>Inputs X</source>
        <translation>输入 X</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>性质</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Presentation mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>{menu}: {action}</source>
        <extracomment>Groups per column of the sheet (the sheet is wide rather than tall: it fits a projector). A mnemonic written after a Chinese text, &quot;文件(&amp;F)&quot;: dropped whole on the sheet.</extracomment>
        <translation>{menu}：{action}</translation>
    </message>
    <message>
        <source> or </source>
        <extracomment>Between two keys that do the same, e.g. &quot;F1 or ?&quot;; keep the spaces as the language needs.</extracomment>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>SoftmaxView</name>
    <message>
        <source>“{text}” refused: a logit must be a finite number, not NaN</source>
        <extracomment>How many entries the logit vector may have. Logits are edited within ±LOGIT_LIMIT. The vector shown before the model sets one: distinct values so the outputs differ. Diverging map (blue – white – red) for the Jacobian, centred on 0. The text that was refused and why.</extracomment>
        <translation>“{text}”无效：logit 必须是有限数，不能是 NaN</translation>
    </message>
    <message>
        <source>“{text}” refused: a logit must be a finite number, not infinity</source>
        <translation>“{text}”无效：logit 必须是有限数，不能是无穷大</translation>
    </message>
    <message>
        <source>“{text}” refused: type a number such as 1.5 or -0.25</source>
        <translation>“{text}”无效：请输入数字，例如 1.5 或 -0.25</translation>
    </message>
    <message>
        <source>“{text}” refused: a logit must be a finite number</source>
        <translation>“{text}”无效：logit 必须是有限数</translation>
    </message>
    <message>
        <source>“{text}” refused: logits lie in [{low}, {high}]</source>
        <translation>“{text}”无效：logit 须在 [{low}, {high}] 之间</translation>
    </message>
    <message>
        <source>“{text}” refused: at most {decimals} decimals</source>
        <translation>“{text}”无效：最多 {decimals} 位小数</translation>
    </message>
    <message>
        <source>Temperature T</source>
        <translation>温度 T</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>分量</translation>
    </message>
    <message>
        <source>Input vector z — drag the bars</source>
        <translation>输入向量 z —— 可拖动柱条</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Jacobian ∂outᵢ/∂zⱼ</source>
        <translation>雅可比矩阵 ∂outᵢ/∂zⱼ</translation>
    </message>
    <message>
        <source>input j</source>
        <translation>输入 j</translation>
    </message>
    <message>
        <source>output i</source>
        <translation>输出 i</translation>
    </message>
    <message>
        <source>+ entry</source>
        <translation>+ 分量</translation>
    </message>
    <message>
        <source>Append an entry to the logit vector</source>
        <translation>在 logit 向量末尾添加一个分量</translation>
    </message>
    <message>
        <source>− entry</source>
        <translation>− 分量</translation>
    </message>
    <message>
        <source>Remove the last entry of the logit vector</source>
        <translation>删除 logit 向量的最后一个分量</translation>
    </message>
    <message>
        <source>Logits</source>
        <translation>Logit 值</translation>
    </message>
    <message>
        <source>{name}: type a value and press Enter</source>
        <translation>{name}：输入数值后按回车</translation>
    </message>
    <message>
        <source>logits must be finite numbers</source>
        <translation>logit 必须是有限数</translation>
    </message>
    <message>
        <source>logits must lie in [{low}, {high}]</source>
        <translation>logit 须在 [{low}, {high}] 之间</translation>
    </message>
    <message>
        <source>this view</source>
        <translation>此视图</translation>
    </message>
    <message>
        <source>{name} takes vectors of length {sizes}; got {size}</source>
        <translation>{name} 接受的向量长度为 {sizes}；输入的长度是 {size}</translation>
    </message>
    <message>
        <source>At most {count} entries</source>
        <translation>最多 {count} 个分量</translation>
    </message>
    <message>
        <source>At least {count} entries</source>
        <translation>至少 {count} 个分量</translation>
    </message>
</context>
<context>
    <name>StatisticsPanel</name>
    <message>
        <source>Mean of the outputs</source>
        <extracomment>(key, row title, tooltip) in display order; translated when shown (formulas stay).</extracomment>
        <translation>输出的均值</translation>
    </message>
    <message>
        <source>Variance of the outputs</source>
        <translation>输出的方差</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Standard deviation of the outputs</source>
        <translation>输出的标准差</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Smallest output</source>
        <translation>最小的输出</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Largest output</source>
        <translation>最大的输出</translation>
    </message>
    <message>
        <source>Dead (f = 0)</source>
        <translation>死亡单元比例 (f = 0)</translation>
    </message>
    <message>
        <source>Share of inputs whose output is exactly 0: dead units</source>
        <translation>输出恰好为 0 的输入所占比例：即死亡单元</translation>
    </message>
    <message>
        <source>Saturated f′</source>
        <translation>饱和梯度比例</translation>
    </message>
    <message>
        <source>Share of inputs whose |f′| is below the threshold</source>
        <translation>|f′| 低于阈值的输入所占比例</translation>
    </message>
    <message>
        <source>Mean |f′|</source>
        <translation>|f′| 均值</translation>
    </message>
    <message>
        <source>Average size of the gradient</source>
        <translation>梯度的平均大小</translation>
    </message>
    <message>
        <source>Mean squared gradient: how signals scale with depth</source>
        <translation>梯度平方的均值：决定信号随深度如何缩放</translation>
    </message>
    <message>
        <source>Statistics of f(X)</source>
        <translation>f(X) 的统计量</translation>
    </message>
    <message>
        <source>Computing statistics for the new sample…</source>
        <translation>正在为新样本计算统计量…</translation>
    </message>
    <message>
        <source>sampled</source>
        <translation>采样值</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>精确值</translation>
    </message>
    <message>
        <source>Exact moments under the input distribution, by quadrature</source>
        <translation>输入分布下的精确矩，由数值积分求得</translation>
    </message>
    <message>
        <source>No sample yet</source>
        <translation>尚无样本</translation>
    </message>
    <message numerus="yes">
        <source>from {count} samples</source>
        <translation>
            <numerusform>基于 {count} 个样本</numerusform>
        </translation>
    </message>
    <message>
        <source>Share of inputs with |f′| &lt; {threshold}: gradients vanish there</source>
        <translation>|f′| &lt; {threshold} 的输入所占比例：梯度在那里消失</translation>
    </message>
    <message numerus="yes">
        <source>{count} outputs are NaN</source>
        <translation>
            <numerusform>{count} 个输出为 NaN</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} outputs are infinite</source>
        <translation>
            <numerusform>{count} 个输出为无穷大</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ {problems} (left out of the moments)</source>
        <translation>⚠ {problems}（未计入各阶矩）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ViewPanel</name>
    <message>
        <source>x from</source>
        <translation>x 从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the function&apos;s own x window</source>
        <translation>恢复函数默认的 x 范围</translation>
    </message>
    <message>
        <source>log |f′|  (vanishing gradients)</source>
        <translation>对数 |f′|（观察梯度消失）</translation>
    </message>
    <message>
        <source>Plot |f′| on a logarithmic scale</source>
        <translation>以对数刻度绘制 |f′|</translation>
    </message>
    <message>
        <source>x must lie within ±{limit}; got {value}</source>
        <translation>x 须在 ±{limit} 之内；输入的是 {value}</translation>
    </message>
</context>
</TS>
