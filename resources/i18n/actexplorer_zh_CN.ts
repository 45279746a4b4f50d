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
        <source>New &amp;custom function…</source>
        <translation>新建自定义函数(&amp;C)…</translation>
    </message>
    <message>
        <source>Define your own activation by its formula</source>
        <translation>用公式定义你自己的激活函数</translation>
    </message>
    <message>
        <source>&amp;Edit custom function…</source>
        <translation>编辑自定义函数(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete custom function</source>
        <translation>删除自定义函数(&amp;D)</translation>
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
    <name>ActivationTree</name>
    <message>
        <source>Activation functions</source>
        <extracomment>The user asked to create a custom function / edit or delete the custom function ``key``.</extracomment>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Edit “{name}”…</source>
        <translation>编辑“{name}”…</translation>
    </message>
    <message>
        <source>Delete “{name}”</source>
        <translation>删除“{name}”</translation>
    </message>
    <message>
        <source>New custom function…</source>
        <translation>新建自定义函数…</translation>
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
        <extracomment>Undo labels of a run and of a scrub drag: English templates the history fills with the parameter&apos;s name; the Edit menu translates them from the table in scene_commands. Seconds on a monotonic clock; tests put a fake one here and call :meth:`tick`. The dock&apos;s title (&quot;Animate&quot; reads as a verb: the dock animates a parameter).</extracomment>
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
        <source>Paused: something else was changed.</source>
        <translation>已暂停：其他设置发生了变化。</translation>
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
    <name>BoundaryPlot</name>
    <message>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
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
    <name>CustomCommands</name>
    <message>
        <source>{key} is not a custom function</source>
        <translation>{key} 不是自定义函数</translation>
    </message>
    <message>
        <source>Delete custom function</source>
        <translation>删除自定义函数</translation>
    </message>
    <message>
        <source>Delete “{name}”? Views showing it switch to {default} and its pins are removed.</source>
        <translation>删除“{name}”？正在显示它的视图将切换到 {default}，它的固定曲线也会被移除。</translation>
    </message>
    <message>
        <source>{name} is ready in the picker</source>
        <translation>{name} 已加入函数列表</translation>
    </message>
</context>
<context>
    <name>CustomEditor</name>
    <message>
        <source>Parameter</source>
        <extracomment>Typing pauses this long before the expression is checked again. The editor stops waiting for SymPy&apos;s derivative after this long. Derivatives whose LaTeX is longer than this are shown as plain text (typesetting is slow). The preview plot&apos;s x window. At most this many abandoned SymPy threads run at once; then new requests wait. The parameter table&apos;s column titles, translated when shown.</extracomment>
        <translation>参数</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>default</source>
        <extracomment>The same, as a word inside a sentence (&quot;default of a: ...&quot;).</extracomment>
        <translation>默认值</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Edit custom function</source>
        <extracomment>How long a request may take before :attr:`timedOut` fires.</extracomment>
        <translation>编辑自定义函数</translation>
    </message>
    <message>
        <source>New custom function</source>
        <translation>新建自定义函数</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>e.g. my swish</source>
        <extracomment>Names typed by the user stay as typed; the example is a name, not a sentence.</extracomment>
        <translation>例如：我的 swish</translation>
    </message>
    <message>
        <source>e.g. x * sigmoid(beta * x)</source>
        <translation>例如：x * sigmoid(beta * x)</translation>
    </message>
    <message>
        <source>Use x, your own parameter names, + - * / **, comparisons, where(c, a, b), minimum, maximum, abs, sign, exp, expm1, log, log1p, sqrt, sin, cos, tanh, erf, pi, e, and any catalog function by its key, e.g. leaky_relu(x, negative_slope=a)</source>
        <translation>可使用 x、你自己的参数名、+ - * / **、比较运算、where(c, a, b)、minimum、maximum、abs、sign、exp、expm1、log、log1p、sqrt、sin、cos、tanh、erf、pi、e，以及按键名调用的任何内置函数，例如 leaky_relu(x, negative_slope=a)</translation>
    </message>
    <message>
        <source>give the function a name</source>
        <translation>请给函数起个名字</translation>
    </message>
    <message>
        <source>Type an expression in x.</source>
        <translation>请输入关于 x 的表达式。</translation>
    </message>
    <message>
        <source>Building the derivative…</source>
        <translation>正在求导…</translation>
    </message>
    <message>
        <source>f′ cannot be built: {reason}</source>
        <translation>无法求出 f′：{reason}</translation>
    </message>
    <message>
        <source>f′ took longer than {seconds} s to build; simplify the expression</source>
        <translation>求 f′ 超过了 {seconds} 秒，请简化表达式</translation>
    </message>
    <message>
        <source>{field} of {name}: {raw} is not a number</source>
        <translation>{name} 的{field}：{raw} 不是数</translation>
    </message>
    <message>
        <source>{field} of {name} must be a finite number</source>
        <translation>{name} 的{field}必须是有限数</translation>
    </message>
    <message>
        <source>{name}: the minimum must be below the maximum</source>
        <translation>{name}：最小值必须小于最大值</translation>
    </message>
    <message>
        <source>{name}: the default must lie between {low} and {high}</source>
        <translation>{name}：默认值必须在 {low} 与 {high} 之间</translation>
    </message>
    <message>
        <source>fix the expression</source>
        <translation>请修正表达式</translation>
    </message>
    <message>
        <source>waiting for the derivative</source>
        <translation>正在等待导数</translation>
    </message>
    <message>
        <source>f′ is not available</source>
        <translation>无法得到 f′</translation>
    </message>
</context>
<context>
    <name>DepthControls</name>
    <message>
        <source>Normal, σ_w/√fan_in</source>
        <extracomment>Histogram bins per layer of the density heat map. The heat map shows log₁₀ density over this many decades below its peak. Settings that change within this many milliseconds share one computation. The weight schemes&apos; names (the core&apos;s ``SCHEME_LABELS``), translated when shown.</extracomment>
        <translation>正态，σ_w/√fan_in</translation>
    </message>
    <message>
        <source>Normal, fixed σ_w</source>
        <translation>正态，固定 σ_w</translation>
    </message>
    <message>
        <source>Glorot/Xavier uniform</source>
        <translation>Glorot/Xavier 均匀</translation>
    </message>
    <message>
        <source>Glorot/Xavier normal</source>
        <translation>Glorot/Xavier 正态</translation>
    </message>
    <message>
        <source>He/Kaiming normal</source>
        <translation>He/Kaiming 正态</translation>
    </message>
    <message>
        <source>He/Kaiming uniform</source>
        <translation>He/Kaiming 均匀</translation>
    </message>
    <message>
        <source>LeCun normal</source>
        <translation>LeCun 正态</translation>
    </message>
    <message>
        <source>Orthogonal</source>
        <translation>正交</translation>
    </message>
    <message>
        <source>Choose a known result…</source>
        <translation>选择一个经典结果…</translation>
    </message>
    <message>
        <source>How the weights are drawn</source>
        <translation>权重的初始化方式</translation>
    </message>
    <message>
        <source>He/Kaiming: scale by the fan-in (forward) or fan-out (backward)</source>
        <translation>He/Kaiming：按 fan-in（前向）或 fan-out（反向）缩放</translation>
    </message>
    <message>
        <source>Gain of the activation</source>
        <translation>使用激活函数的增益</translation>
    </message>
    <message>
        <source>Scale Glorot, He, LeCun and orthogonal weights by calculate_gain(φ) (e.g. 5/3 for tanh) instead of the scheme&apos;s default</source>
        <translation>用 calculate_gain(φ)（如 tanh 取 5/3）代替方案的默认值，来缩放 Glorot、He、LeCun 和正交初始化的权重</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>Number of layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Units per layer</source>
        <translation>每层的单元数</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <source>Inputs per pass</source>
        <translation>每次前向传播的输入个数</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Seed of W and X</source>
        <translation>W 和 X 的随机种子</translation>
    </message>
    <message>
        <source>histogram of layer</source>
        <translation>直方图所在层</translation>
    </message>
    <message>
        <source>Layer of the histogram</source>
        <translation>直方图显示哪一层</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>He fan</source>
        <translation>He 模式</translation>
    </message>
    <message>
        <source>Bias std σ_b</source>
        <translation>偏置的标准差 σ_b</translation>
    </message>
    <message>
        <source>unknown preset {key}</source>
        <translation>未知的预设 {key}</translation>
    </message>
    <message>
        <source>{title} needs {name}, which the catalog does not have</source>
        <translation>“{title}”需要 {name}，但函数目录中没有它</translation>
    </message>
    <message>
        <source>needs {name}</source>
        <translation>需要 {name}</translation>
    </message>
    <message>
        <source>W ~ N(0, σ_w²) whatever the width</source>
        <translation>W ~ N(0, σ_w²)，与宽度无关</translation>
    </message>
    <message>
        <source>This scheme sets the weight scale itself</source>
        <translation>该方案自行决定权重的尺度</translation>
    </message>
</context>
<context>
    <name>DepthPlots</name>
    <message>
        <source>layer l</source>
        <translation>层 l</translation>
    </message>
    <message>
        <source>Activations per layer</source>
        <translation>各层的激活值</translation>
    </message>
    <message>
        <source>value x_l</source>
        <translation>取值 x_l</translation>
    </message>
    <message>
        <source>activation x_l</source>
        <translation>激活值 x_l</translation>
    </message>
    <message>
        <source>density</source>
        <translation>密度</translation>
    </message>
    <message>
        <source>Mean and std</source>
        <translation>均值与标准差</translation>
    </message>
    <message>
        <source>Dead and saturated</source>
        <translation>死亡与饱和</translation>
    </message>
    <message>
        <source>share</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Gradient std (log)</source>
        <translation>梯度标准差（对数）</translation>
    </message>
    <message>
        <source>std ∂L/∂h_l</source>
        <translation>∂L/∂h_l 的标准差</translation>
    </message>
    <message>
        <source>Variance: simulated vs mean field</source>
        <translation>方差：模拟与平均场</translation>
    </message>
    <message>
        <source>log₁₀ density</source>
        <translation>log₁₀ 密度</translation>
    </message>
    <message>
        <source>Drag to choose the layer of the histogram</source>
        <translation>拖动以选择直方图所在的层</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>std, mean field</source>
        <translation>标准差（平均场）</translation>
    </message>
    <message>
        <source>dead (x = 0)</source>
        <translation>死亡 (x = 0)</translation>
    </message>
    <message>
        <source>dead units</source>
        <translation>死亡单元</translation>
    </message>
    <message>
        <source>saturated (|φ′| &amp;lt; 0.01)</source>
        <translation>饱和 (|φ′| &amp;lt; 0.01)</translation>
    </message>
    <message>
        <source>simulated</source>
        <translation>模拟</translation>
    </message>
    <message>
        <source>mean field</source>
        <translation>平均场</translation>
    </message>
    <message>
        <source>mean-field map</source>
        <translation>平均场映射</translation>
    </message>
    <message>
        <source>Layer {layer}</source>
        <translation>第 {layer} 层</translation>
    </message>
</context>
<context>
    <name>DepthPresets</name>
    <message>
        <source>tanh, weights 0.01·N(0, 1): collapse</source>
        <extracomment>Each preset&apos;s title and explanation (the core&apos;s texts, ``PRESETS``), translated when shown.</extracomment>
        <translation>tanh，权重 0.01·N(0, 1)：信号坍缩</translation>
    </message>
    <message>
        <source>Each layer multiplies the signal by about 0.01·√500 ≈ 0.22, so after ten layers the activations, and the gradients with them, have collapsed to zero.</source>
        <translation>每一层都把信号乘以约 0.01·√500 ≈ 0.22，因此经过十层之后，激活值连同梯度都已坍缩到零。</translation>
    </message>
    <message>
        <source>tanh, weights N(0, 1): saturation</source>
        <translation>tanh，权重 N(0, 1)：饱和</translation>
    </message>
    <message>
        <source>A pre-activation summing 500 unit-variance terms has std ≈ 22, so almost every tanh unit sits at ±1 where its derivative is zero and no gradient gets through.</source>
        <translation>预激活是 500 个单位方差项之和，标准差约为 22，因此几乎每个 tanh 单元都停在 ±1 处；那里导数为零，梯度无法传回。</translation>
    </message>
    <message>
        <source>ReLU + Glorot/Xavier: variance halves</source>
        <translation>ReLU + Glorot/Xavier：方差逐层减半</translation>
    </message>
    <message>
        <source>ReLU zeroes half of its inputs, so with Glorot&apos;s weight variance 1/fan_in (square layers) the signal&apos;s variance halves at every layer.</source>
        <translation>ReLU 会把一半的输入置零，因此在 Glorot 的权重方差 1/fan_in（方形层）下，信号的方差每经过一层就减半。</translation>
    </message>
    <message>
        <source>ReLU + He: variance kept</source>
        <translation>ReLU + He：方差保持不变</translation>
    </message>
    <message>
        <source>He&apos;s weight variance 2/fan_in makes up exactly for the half that ReLU discards, so the signal keeps its scale however deep the network.</source>
        <translation>He 初始化的权重方差 2/fan_in 恰好弥补了 ReLU 丢掉的那一半，因此无论网络多深，信号都保持原来的尺度。</translation>
    </message>
    <message>
        <source>SELU + LeCun normal: self-normalising</source>
        <translation>SELU + LeCun 正态：自归一化</translation>
    </message>
    <message>
        <source>SELU&apos;s α and λ make mean 0 and variance 1 an attracting fixed point when weights have variance 1/fan_in, so every layer stays normalised on its own.</source>
        <translation>当权重方差为 1/fan_in 时，SELU 的 α 和 λ 使“均值 0、方差 1”成为一个吸引不动点，因此每一层都会自行保持归一化。</translation>
    </message>
    <message>
        <source>sigmoid: gradients vanish</source>
        <translation>sigmoid：梯度消失</translation>
    </message>
    <message>
        <source>σ′ is at most 1/4, so every layer shrinks the back-propagated gradient by a constant factor and the first layers hardly learn.</source>
        <translation>σ′ 最大只有 1/4，因此每一层都会把反向传播的梯度缩小一个常数倍，靠前的几层几乎学不到东西。</translation>
    </message>
    <message>
        <source>tanh at the edge of chaos</source>
        <translation>处于混沌边缘的 tanh</translation>
    </message>
    <message>
        <source>With σ_w = 1 and σ_b = 0, tanh sits on the critical line χ = 1 of the phase diagram: gradients neither vanish nor explode, only slowly decay.</source>
        <translation>取 σ_w = 1、σ_b = 0 时，tanh 恰好位于相图的临界线 χ = 1 上：梯度既不消失也不爆炸，只是缓慢衰减。</translation>
    </message>
</context>
<context>
    <name>DepthView</name>
    <message>
        <source>ordered</source>
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
        <source>{name} acts on whole vectors; pick a scalar function to see it in a deep network</source>
        <translation>{name} 作用于整个向量；请选择一个标量函数，才能在深度网络中观察它</translation>
    </message>
    <message>
        <source>(effective)</source>
        <translation>（等效值）</translation>
    </message>
    <message>
        <source>{depth} layers × {width}</source>
        <translation>{depth} 层 × {width}</translation>
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
        <extracomment>What can be drawn as a plot: a PlotWidget (or any pyqtgraph view), or a PlotItem in a scene.</extracomment>
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
    <name>MainWindow</name>
    <message>
        <source>; </source>
        <extracomment>The window&apos;s views: the explorer, then each page of the deep-network lab (&quot;lab-&lt;page&gt;&quot;). Separates the problems found in the saved settings.</extracomment>
        <translation>；</translation>
    </message>
    <message>
        <source>Settings restored: {problems}</source>
        <translation>已恢复设置：{problems}</translation>
    </message>
    <message>
        <source>{name} — ActExplorer</source>
        <translation>{name} — ActExplorer</translation>
    </message>
    <message>
        <source>Explorer</source>
        <translation>探索器</translation>
    </message>
    <message>
        <source>One function: curves, derivative, statistics (Ctrl+1)</source>
        <translation>单个函数：曲线、导数、统计量（Ctrl+1）</translation>
    </message>
    <message>
        <source>Deep networks</source>
        <translation>深度网络</translation>
    </message>
    <message>
        <source>The function in deep networks: depth, edge of chaos, training (Ctrl+2..4)</source>
        <translation>函数在深度网络中的表现：深度、混沌边缘、训练（Ctrl+2..4）</translation>
    </message>
    <message>
        <source>Sampling {count} inputs…</source>
        <translation>正在采样 {count} 个输入…</translation>
    </message>
    <message>
        <source>About ActExplorer</source>
        <translation>关于 ActExplorer</translation>
    </message>
    <message>
        <source>&lt;b&gt;ActExplorer {version}&lt;/b&gt;&lt;p&gt;See and understand neural-network activation functions: exact curves, derivatives and statistics.&lt;/p&gt;</source>
        <translation>&lt;b&gt;ActExplorer {version}&lt;/b&gt;&lt;p&gt;直观地查看并理解神经网络的激活函数：精确的曲线、导数与统计量。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>saved state unreadable</source>
        <translation>保存的状态无法读取</translation>
    </message>
    <message>
        <source>saved lab settings unreadable</source>
        <translation>保存的深度网络设置无法读取</translation>
    </message>
    <message>
        <source>lab {problem}</source>
        <translation>深度网络设置 {problem}</translation>
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
    <name>NumberControl</name>
    <message>
        <source>Reset to the default ({value})</source>
        <extracomment>Gives the history a drag joins when it starts (the owner may replace its history later).</extracomment>
        <translation>重置为默认值（{value}）</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>enter a number</source>
        <extracomment>The symbols labelling the input distributions&apos; parameters: notation reads the same in every language, and the translated help says what each one is.</extracomment>
        <translation>请输入一个数</translation>
    </message>
    <message>
        <source>“{text}” is not a number</source>
        <translation>“{text}”不是数</translation>
    </message>
    <message>
        <source>NaN is not allowed</source>
        <translation>不允许输入 NaN</translation>
    </message>
    <message>
        <source>infinity is not allowed</source>
        <translation>不允许输入无穷大</translation>
    </message>
    <message>
        <source>“{text}” is not a whole number</source>
        <translation>“{text}”不是整数</translation>
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
    <name>PickerPanel</name>
    <message>
        <source>Search (e.g. gelu, shrink, hard)…</source>
        <translation>搜索（例如 gelu、shrink、hard）…</translation>
    </message>
</context>
<context>
    <name>PlotsView</name>
    <message>
        <source>density</source>
        <extracomment>Dash patterns paired with the pin colours so curves differ without colour too. Point sizes of the plain look; a look&apos;s font_scale multiplies them. Qt&apos;s own margin around a text item (pyqtgraph&apos;s axis labels use it). Fitted ranges keep this share of the data&apos;s span free on each side. A fitted range is moved only when one of its ends is off by more than this share of the span. Smaller than _PAD, so data inside a range that was not moved still never touches its edges. Changes of one axis&apos;s data closer together than this are a storm (a slider being dragged). During a storm a range moves only when the data leaves it or fills less than 1/_LOOSE of it, and then with this much headroom each side, so the axes are redrawn every few steps instead of on every step; the tight fit follows when the storm has been over for _SETTLE_MS.</extracomment>
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
        <extracomment>One zoom step multiplies (out) or divides (in) the width of the x window by this. Up/Down move the first parameter by this share of its slider. Sizes in presentation mode (points): what reads from the back of a lecture hall at 1080p. The view presentation mode shows (the window&apos;s first). The keys of presentation mode, in the order of the shortcut sheet. Keys that menu actions already own (Page Down/Up, F11, F1) are not repeated: two bindings would cancel each other.</extracomment>
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
        <extracomment>The main window&apos;s docks and tool bars (QMainWindow.saveState): where and how large. The view in front before (the mode shows the explorer; a lab page comes back after). The lecture&apos;s scene on screen (&quot;title&quot; over &quot;2 / 5&quot;), right of the formula.</extracomment>
        <translation>演示模式：按 F11 或 Esc 退出，按 F1 查看快捷键</translation>
    </message>
    <message>
        <source>{number} / {count}</source>
        <translation>{number} / {count}</translation>
    </message>
    <message>
        <source>The scene of the lecture shown</source>
        <translation>讲稿中当前显示的场景</translation>
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
    <name>SceneCommands</name>
    <message>
        <source>open scene</source>
        <extracomment>The settings key of the recently opened or saved files (newest first). The settings key of the folder of the last scene opened or saved. Languages of &quot;Copy as code&quot;: name shown to the user and the snippet writer. How long status-bar confirmations stay. Labels of undo steps given by the window&apos;s commands (English templates; History fills them).</extracomment>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>open lecture</source>
        <translation>打开讲稿</translation>
    </message>
    <message>
        <source>show scene {number}</source>
        <translation>显示场景 {number}</translation>
    </message>
    <message>
        <source>change activation</source>
        <extracomment>Every English undo text :mod:`actexplorer.history` writes, marked so that the Edit menu can show it translated (the field labels, and the labels other panels give their gestures).</extracomment>
        <translation>更改激活函数</translation>
    </message>
    <message>
        <source>change parameters</source>
        <translation>更改参数</translation>
    </message>
    <message>
        <source>change sample count</source>
        <translation>更改样本数</translation>
    </message>
    <message>
        <source>change seed</source>
        <translation>更改随机种子</translation>
    </message>
    <message>
        <source>change input distribution</source>
        <translation>更改输入分布</translation>
    </message>
    <message>
        <source>change x range</source>
        <translation>更改 x 范围</translation>
    </message>
    <message>
        <source>toggle log derivative</source>
        <translation>切换导数的对数刻度</translation>
    </message>
    <message>
        <source>toggle input histogram</source>
        <translation>切换输入直方图</translation>
    </message>
    <message>
        <source>toggle derivative</source>
        <translation>切换导数图</translation>
    </message>
    <message>
        <source>toggle histograms</source>
        <translation>切换直方图</translation>
    </message>
    <message>
        <source>toggle pinned curves</source>
        <translation>切换固定的曲线</translation>
    </message>
    <message>
        <source>toggle training mode</source>
        <translation>切换训练模式</translation>
    </message>
    <message>
        <source>change pinned functions</source>
        <translation>更改固定的函数</translation>
    </message>
    <message>
        <source>toggle pinned histograms</source>
        <translation>切换固定函数的直方图</translation>
    </message>
    <message>
        <source>change logits</source>
        <translation>更改 logit 值</translation>
    </message>
    <message>
        <source>change theme</source>
        <translation>更改主题</translation>
    </message>
    <message>
        <source>change depth</source>
        <translation>更改深度</translation>
    </message>
    <message>
        <source>change width</source>
        <translation>更改宽度</translation>
    </message>
    <message>
        <source>change inputs per pass</source>
        <translation>更改每次传播的输入个数</translation>
    </message>
    <message>
        <source>change weight initialisation</source>
        <translation>更改权重初始化</translation>
    </message>
    <message>
        <source>change He fan</source>
        <translation>更改 He 模式</translation>
    </message>
    <message>
        <source>toggle activation gain</source>
        <translation>切换激活函数增益</translation>
    </message>
    <message>
        <source>change σ_w</source>
        <translation>更改 σ_w</translation>
    </message>
    <message>
        <source>change σ_b</source>
        <translation>更改 σ_b</translation>
    </message>
    <message>
        <source>change network seed</source>
        <translation>更改网络的随机种子</translation>
    </message>
    <message>
        <source>change histogram layer</source>
        <translation>更改直方图所在层</translation>
    </message>
    <message>
        <source>change dataset</source>
        <translation>更改数据集</translation>
    </message>
    <message>
        <source>change noise</source>
        <translation>更改噪声</translation>
    </message>
    <message>
        <source>change point count</source>
        <translation>更改数据点数</translation>
    </message>
    <message>
        <source>change test share</source>
        <translation>更改测试集比例</translation>
    </message>
    <message>
        <source>change data seed</source>
        <translation>更改数据的随机种子</translation>
    </message>
    <message>
        <source>change hidden layers</source>
        <translation>更改隐藏层数</translation>
    </message>
    <message>
        <source>change units per layer</source>
        <translation>更改每层单元数</translation>
    </message>
    <message>
        <source>toggle one function per layer</source>
        <translation>切换逐层指定函数</translation>
    </message>
    <message>
        <source>change layer functions</source>
        <translation>更改各层的函数</translation>
    </message>
    <message>
        <source>change optimiser</source>
        <translation>更改优化器</translation>
    </message>
    <message>
        <source>change learning rate</source>
        <translation>更改学习率</translation>
    </message>
    <message>
        <source>change momentum</source>
        <translation>更改动量</translation>
    </message>
    <message>
        <source>change batch size</source>
        <translation>更改批大小</translation>
    </message>
    <message>
        <source>change L2</source>
        <translation>更改 L2 系数</translation>
    </message>
    <message>
        <source>change training seed</source>
        <translation>更改训练的随机种子</translation>
    </message>
    <message>
        <source>change race partner</source>
        <translation>更改对比函数</translation>
    </message>
    <message>
        <source>change updates per frame</source>
        <translation>更改每帧更新次数</translation>
    </message>
    <message>
        <source>change {name}</source>
        <extracomment>A parameter&apos;s name (alpha) or an unknown setting&apos;s, kept as written.</extracomment>
        <translation>更改 {name}</translation>
    </message>
    <message>
        <source>change {count} settings</source>
        <translation>更改 {count} 项设置</translation>
    </message>
    <message>
        <source>scrub {name}</source>
        <extracomment>Labels the animation panel gives its gestures ({name}: a parameter&apos;s name).</extracomment>
        <translation>拖动 {name}</translation>
    </message>
    <message>
        <source>animate {name}</source>
        <translation>播放 {name} 的动画</translation>
    </message>
    <message>
        <source>redefine {name}</source>
        <extracomment>The label of redefining a custom function ({name}: its name).</extracomment>
        <translation>重新定义 {name}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {what}</source>
        <translation>重做{what}(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>撤销{what}(&amp;U)</translation>
    </message>
    <message>
        <source>Cannot show this scene</source>
        <extracomment>The message of a file given on the command line that could not be opened. The text of the last warning shown (what a test or a log can check).</extracomment>
        <translation>无法显示此场景</translation>
    </message>
    <message>
        <source>Scene {number} cannot be shown:

{reason}</source>
        <translation>无法显示场景 {number}：

{reason}</translation>
    </message>
    <message>
        <source>Scene {number} of {count}: {title}</source>
        <translation>场景 {number}/{count}：{title}</translation>
    </message>
    <message>
        <source>Scene {number} of {count}</source>
        <translation>场景 {number}/{count}</translation>
    </message>
    <message>
        <source>Cannot add a scene</source>
        <translation>无法添加场景</translation>
    </message>
    <message>
        <source>A lecture holds at most {count} scenes.</source>
        <translation>一份讲稿最多包含 {count} 个场景。</translation>
    </message>
    <message>
        <source>Cannot rename</source>
        <translation>无法重命名</translation>
    </message>
    <message>
        <source>A title needs 1 to {count} characters.</source>
        <translation>标题须为 1 到 {count} 个字符。</translation>
    </message>
    <message>
        <source>Notes are kept to {count} characters; the rest is not saved</source>
        <translation>备注最多保留 {count} 个字符，超出部分不会保存</translation>
    </message>
    <message>
        <source>Rename scene</source>
        <translation>重命名场景</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Cannot open this file</source>
        <translation>无法打开此文件</translation>
    </message>
    <message>
        <source>Open scene or lecture</source>
        <translation>打开场景或讲稿</translation>
    </message>
    <message>
        <source>ActExplorer scenes and lectures (*.actx.json *.json);;All files (*)</source>
        <translation>ActExplorer 场景和讲稿 (*.actx.json *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{name} was not opened:

{reason}

Nothing was changed.</source>
        <translation>未打开 {name}：

{reason}

没有做任何更改。</translation>
    </message>
    <message>
        <source>Opened lecture “{title}” with {count} scenes from {name}</source>
        <translation>已从 {name} 打开讲稿“{title}”，共 {count} 个场景</translation>
    </message>
    <message>
        <source>Opened lecture with {count} scenes from {name}</source>
        <translation>已从 {name} 打开讲稿，共 {count} 个场景</translation>
    </message>
    <message>
        <source>Opened scene “{title}” from {name}</source>
        <translation>已从 {name} 打开场景“{title}”</translation>
    </message>
    <message>
        <source>Opened scene from {name}</source>
        <translation>已从 {name} 打开场景</translation>
    </message>
    <message>
        <source>the scene list is empty: add a scene first</source>
        <translation>场景列表为空：请先添加一个场景</translation>
    </message>
    <message>
        <source>Save scene</source>
        <translation>保存场景</translation>
    </message>
    <message>
        <source>ActExplorer scenes (*.actx.json)</source>
        <translation>ActExplorer 场景 (*.actx.json)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>The scene list is empty: add a scene first.</source>
        <translation>场景列表为空：请先添加一个场景。</translation>
    </message>
    <message>
        <source>Save lecture</source>
        <translation>保存讲稿</translation>
    </message>
    <message>
        <source>ActExplorer lectures (*.actx.json)</source>
        <translation>ActExplorer 讲稿 (*.actx.json)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <source>{path}

no longer exists; it was removed from the recent files.</source>
        <translation>{path}

已不存在，已将其从最近打开的文件中移除。</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>No {language} code for {function}: {reason}</source>
        <translation>无法为 {function} 生成 {language} 代码：{reason}</translation>
    </message>
    <message>
        <source>Copied {language} code for {function}</source>
        <translation>已复制 {function} 的 {language} 代码</translation>
    </message>
    <message>
        <source>{message} — {notices}</source>
        <translation>{message} —— {notices}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>SceneListDock</name>
    <message>
        <source>Scenes</source>
        <extracomment>The dock&apos;s title and the View menu&apos;s name for it (translated when shown).</extracomment>
        <translation>场景</translation>
    </message>
    <message>
        <source>Double-click or press Enter to show a scene</source>
        <extracomment>The dock&apos;s width when it first appears, in pixels. Show the scene at this row (double-click or Enter). Add what the window shows now as a scene after the selected row. Move the scene at a row by a number of places (−1 up, +1 down). The notes of the scene at a row were edited. The list or its current scene was shown anew (:meth:`set_scenes`).</extracomment>
        <translation>双击或按回车显示场景</translation>
    </message>
    <message>
        <source>No scenes yet. Open a lecture, or add what the window shows as a scene.</source>
        <translation>还没有场景。请打开一份讲稿，或把窗口当前显示的内容添加为场景。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add what the window shows as a scene</source>
        <translation>把窗口当前显示的内容添加为场景</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected scene</source>
        <translation>移除选中的场景</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Rename the selected scene</source>
        <translation>重命名选中的场景</translation>
    </message>
    <message>
        <source>Save lecture…</source>
        <translation>保存讲稿…</translation>
    </message>
    <message>
        <source>Save the scene list as a lecture file</source>
        <translation>将场景列表保存为讲稿文件</translation>
    </message>
    <message>
        <source>Move the selected scene up</source>
        <translation>上移选中的场景</translation>
    </message>
    <message>
        <source>Move the selected scene down</source>
        <translation>下移选中的场景</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Notes for this scene (what to point at, what to ask)</source>
        <translation>此场景的备注（要指出什么、要提什么问题）</translation>
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
    <name>SpecForm</name>
    <message>
        <source>mean μ</source>
        <extracomment>How long a refusal message stays visible. Help of the input distributions&apos; parameters (their English descriptions), translated when shown; the activations&apos; help comes from the catalog&apos;s locale.</extracomment>
        <translation>均值 μ</translation>
    </message>
    <message>
        <source>standard deviation σ</source>
        <translation>标准差 σ</translation>
    </message>
    <message>
        <source>lower bound a</source>
        <translation>下界 a</translation>
    </message>
    <message>
        <source>upper bound b (&gt; a)</source>
        <translation>上界 b（&gt; a）</translation>
    </message>
    <message>
        <source>location μ</source>
        <translation>位置参数 μ</translation>
    </message>
    <message>
        <source>scale b</source>
        <translation>尺度参数 b</translation>
    </message>
    <message>
        <source>probability w of the first normal</source>
        <translation>取第一个正态分布的概率 w</translation>
    </message>
    <message>
        <source>mean μ₁ of the first normal</source>
        <translation>第一个正态分布的均值 μ₁</translation>
    </message>
    <message>
        <source>standard deviation σ₁ of the first normal</source>
        <translation>第一个正态分布的标准差 σ₁</translation>
    </message>
    <message>
        <source>mean μ₂ of the second normal</source>
        <translation>第二个正态分布的均值 μ₂</translation>
    </message>
    <message>
        <source>standard deviation σ₂ of the second normal</source>
        <translation>第二个正态分布的标准差 σ₂</translation>
    </message>
</context>
<context>
    <name>StatisticsPanel</name>
    <message>
        <source>Mean of the outputs</source>
        <extracomment>Sizes the box before any value arrives: most values are no wider. (key, row title, tooltip) in display order; translated when shown (formulas stay).</extracomment>
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
    <name>TrainControls</name>
    <message>
        <source>XOR</source>
        <extracomment>One animation frame: ≈30 boundary redraws a second at most. Grid resolution of the decision boundary while playing, and when still. Fields that only change the data, or the network and optimiser: both rebuild the run. The datasets&apos; and optimisers&apos; names (the core&apos;s labels), translated when shown.</extracomment>
        <translation>异或 (XOR)</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>同心圆</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>双月形</translation>
    </message>
    <message>
        <source>Spiral (2 classes)</source>
        <translation>螺旋（2 类）</translation>
    </message>
    <message>
        <source>Spiral (3 classes)</source>
        <translation>螺旋（3 类）</translation>
    </message>
    <message>
        <source>Gaussian blobs</source>
        <translation>高斯团簇</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量法</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>The points the network learns to classify</source>
        <translation>网络要学会分类的数据点</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Jitter std</source>
        <translation>抖动的标准差</translation>
    </message>
    <message>
        <source>points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Number of points</source>
        <translation>数据点的个数</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Share of the points held out for testing</source>
        <translation>留作测试的数据点比例</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Seed of the points</source>
        <translation>数据点的随机种子</translation>
    </message>
    <message>
        <source>hidden layers</source>
        <translation>隐藏层数</translation>
    </message>
    <message>
        <source>Number of hidden layers</source>
        <translation>隐藏层的个数</translation>
    </message>
    <message>
        <source>units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <source>Units per hidden layer</source>
        <translation>每个隐藏层的单元数</translation>
    </message>
    <message>
        <source>functions</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Choose each hidden layer&apos;s function; unchosen layers use the explorer&apos;s</source>
        <translation>为每个隐藏层单独选择函数；未选择的层使用探索器中的函数</translation>
    </message>
    <message>
        <source>race against</source>
        <translation>对比训练</translation>
    </message>
    <message>
        <source>Train a second activation from the same weights, side by side</source>
        <translation>从相同的初始权重出发，并排训练第二个激活函数</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>The update rule</source>
        <translation>参数的更新规则</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>μ in v ← μ v + g, w ← w − η v</source>
        <translation>v ← μ v + g, w ← w − η v 中的 μ</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Step size η, e.g. 0.03 or 3e-3</source>
        <translation>步长 η，例如 0.03 或 3e-3</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Points per update</source>
        <translation>每次更新使用的数据点数</translation>
    </message>
    <message>
        <source>Weight decay λ: adds (λ/2)Σ‖W‖² to the loss</source>
        <translation>权重衰减 λ：在损失中加上 (λ/2)Σ‖W‖²</translation>
    </message>
    <message>
        <source>Seed of the initial weights</source>
        <translation>初始权重的随机种子</translation>
    </message>
    <message>
        <source>updates/frame</source>
        <translation>每帧更新</translation>
    </message>
    <message>
        <source>Updates per frame</source>
        <translation>每帧执行的更新次数</translation>
    </message>
    <message>
        <source>one per layer</source>
        <translation>逐层指定</translation>
    </message>
    <message>
        <source>layer {number}</source>
        <translation>第 {number} 层</translation>
    </message>
    <message>
        <source>The function of hidden layer {number}</source>
        <translation>第 {number} 个隐藏层的函数</translation>
    </message>
    <message>
        <source>Train continuously</source>
        <translation>连续训练</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One update</source>
        <translation>执行一次更新</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the initial weights</source>
        <translation>回到初始权重</translation>
    </message>
    <message>
        <source>⏸ Pause</source>
        <translation>⏸ 暂停</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 训练</translation>
    </message>
    <message>
        <source>{name} (explorer)</source>
        <translation>{name}（探索器）</translation>
    </message>
    <message>
        <source>The explorer&apos;s</source>
        <translation>探索器中的函数</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}：{reason}</translation>
    </message>
    <message>
        <source>learning rate must lie in (0, {high}]; got {value}</source>
        <translation>学习率须在 (0, {high}] 之间；输入的是 {value}</translation>
    </message>
    <message>
        <source>L2 must lie in [0, {high}]; got {value}</source>
        <translation>L2 须在 [0, {high}] 之间；输入的是 {value}</translation>
    </message>
    <message>
        <source>— nobody —</source>
        <translation>—— 无 ——</translation>
    </message>
</context>
<context>
    <name>TrainView</name>
    <message>
        <source>Loss (log)</source>
        <translation>损失（对数）</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新次数</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>share correct</source>
        <translation>正确比例</translation>
    </message>
    <message>
        <source>Gradient per layer (log)</source>
        <translation>各层梯度（对数）</translation>
    </message>
    <message>
        <source>layer (last = output)</source>
        <translation>层（最后一层为输出层）</translation>
    </message>
    <message>
        <source>{name} acts on whole vectors; pick a scalar function</source>
        <translation>{name} 作用于整个向量；请选择一个标量函数</translation>
    </message>
    <message>
        <source>{name}, train</source>
        <translation>{name}，训练集</translation>
    </message>
    <message>
        <source>{name}, test</source>
        <translation>{name}，测试集</translation>
    </message>
    <message>
        <source>The weights overflowed: lower the learning rate and reset</source>
        <translation>权重溢出：请降低学习率后重置</translation>
    </message>
    <message>
        <source>{name}: update {step}, epoch {epoch}, loss {train_loss} / {test_loss}, accuracy {train_accuracy} / {test_accuracy} (train / test)</source>
        <translation>{name}：第 {step} 次更新，第 {epoch} 轮，损失 {train_loss} / {test_loss}，准确率 {train_accuracy} / {test_accuracy}（训练集 / 测试集）</translation>
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
