"""简体中文 texts of the catalog: activation cards, parameter help, family and smoothness labels.

Written for students, with the usual terms of Chinese deep-learning courses (激活函数, 梯度消失,
神经元死亡, 饱和, 以零为中心, ...). Formulas, code and parameter names stay as in the catalog.
"""

from __future__ import annotations

from ..activation import Family, Smoothness
from ._text import ActivationText

FAMILIES: dict[Family, str] = {
    Family.RECTIFIER: "整流类（ReLU 族）",
    Family.EXPONENTIAL: "指数线性类",
    Family.GATED: "自门控类（平滑的类 ReLU 函数）",
    Family.SIGMOIDAL: "S 形类（Sigmoid 族）",
    Family.HARD: "硬函数（分段线性）",
    Family.SHRINK: "收缩与阈值",
    Family.PERIODIC: "周期与径向",
    Family.OTHER: "其他",
    Family.VECTOR: "向量函数（Softmax 族）",
    Family.CUSTOM: "自定义",
}

# C⁰ ... C^∞ are read the same way in Chinese textbooks; only the word needs translating.
SMOOTHNESS: dict[Smoothness, str] = {
    Smoothness.DISCONTINUOUS: "不连续",
    Smoothness.C0: "C⁰",
    Smoothness.C1: "C¹",
    Smoothness.C2: "C²",
    Smoothness.CINF: "C^∞",
}

# Shared by functions whose parameter means the same thing.
_TEMPERATURE = (
    "用来除 logits 的温度：小于 1 时分布更尖锐、趋向 one-hot，大于 1 时更平坦、趋向均匀分布"
)
_DEAD_ZONE = "死区 [−λ, λ] 的半宽 λ"

TEXTS: dict[str, ActivationText] = {
    # -- rectifiers ---------------------------------------------------------------------------
    "relu": ActivationText(
        summary="正输入原样通过，其余一律置零：现代深度网络隐藏层的默认激活函数。",
        strengths=(
            "正输入处梯度恰好为 1，不会随网络加深而消失",
            "计算极其廉价：只需一次比较",
            "激活稀疏（大量输出恰好为 0）",
        ),
        weaknesses=(
            "输入始终为负的神经元梯度为零，可能“死亡”",
            "输出不以零为中心",
            "在 0 处不可导",
        ),
        usage="CNN 和 MLP 的隐藏层，通常配合 He 初始化使用。",
    ),
    "relu6": ActivationText(
        summary=(
            "上限被截断在 6 的 ReLU。输出有界，使激活值落在低精度（8 位）运算能很好表示的范围内。"
        ),
        strengths=(
            "输出有界，在定点和 8 位量化下表现稳健",
            "与 ReLU 一样廉价",
        ),
        weaknesses=(
            "小于 0 和大于 6 时梯度都为零：神经元可能死亡或饱和",
            "输出不以零为中心",
        ),
        usage="移动端网络（MobileNet v1/v2）的隐藏层；hardsigmoid 和 hardswish 也是由它构造的。",
    ),
    "leaky_relu": ActivationText(
        summary=(
            "在负输入处保留一个小斜率的 ReLU，因此没有哪个神经元会完全沉默。各框架的默认值不同："
            "PyTorch 和 JAX 取 0.01，Keras 3 的 leaky_relu 函数取 0.2（其 LeakyReLU 层取 0.3）。"
        ),
        strengths=(
            "梯度永远不会恰好为零：没有死亡神经元",
            "与 ReLU 一样廉价",
        ),
        weaknesses=(
            "斜率是一个超参数，且各框架的默认值不一致",
            "输出仍不以零为中心",
            "相比 ReLU 的提升往往不大",
        ),
        usage="神经元死亡成为问题的隐藏层；在 GAN 的判别器中很常见（斜率取 0.2）。",
        params={"negative_slope": "负输入处的斜率 a（取 0 即为 ReLU，取 1 即为恒等函数）"},
    ),
    "prelu": ActivationText(
        summary=(
            "负半轴斜率与其他权重一同学习的 Leaky ReLU（每层或每个通道一个斜率）；"
            "这里显示为一个可以拖动的单一斜率。"
        ),
        strengths=(
            "斜率由网络自己决定；只要斜率不为零，就没有死亡神经元",
            "额外的参数量和计算量都可以忽略",
        ),
        weaknesses=(
            "在小数据集上可能过拟合",
            "若学到的斜率为负，函数就不再单调（斜率为 −1 时即为 |x|）",
            "不应对斜率施加权重衰减",
        ),
        usage="深层 CNN 的隐藏层；它与 He 初始化一同被提出，用于训练非常深的整流网络。",
        params={"weight": "可学习的负半轴斜率 a（PyTorch 将其初始化为 0.25）"},
    ),
    "rrelu": ActivationText(
        summary=(
            "随机化的 Leaky ReLU：训练时每个负输入各自从 [lower, upper] 中均匀抽取一个斜率；"
            "推理时使用固定的平均斜率 (lower + upper)/2。曲线显示的是推理模式；"
            "统计视图可以按训练模式抽取斜率。"
        ),
        strengths=(
            "随机斜率起到正则化的作用",
            "没有死亡神经元",
        ),
        weaknesses=(
            "训练和推理时的行为不同",
            "有两个超参数；在大数据集上很少优于调好的 Leaky ReLU",
        ),
        usage="小数据集上 CNN 的隐藏层（它曾在 Kaggle 竞赛 NDSB 2015 中夺冠）。",
        params={
            "lower": "随机负斜率的下限",
            "upper": "随机负斜率的上限（不小于 lower）",
        },
    ),
    "relu_squared": ActivationText(
        name="平方 ReLU",
        summary=(
            "ReLU 的平方。它是为 Transformer 的前馈块做架构搜索时找到的，"
            "在那里比 ReLU 或 GELU 训练得更快。"
        ),
        strengths=(
            "导数连续（C¹），这一点不同于 ReLU",
            "计算廉价，并且像 ReLU 一样稀疏",
            "在 Primer 的搜索中，同等计算量下语言模型的质量更好",
        ),
        weaknesses=(
            "按平方增长：大输入会产生非常大的输出和梯度",
            "负半轴与 ReLU 一样存在死亡神经元",
            "0 附近导数很小，因此小输入学得慢",
        ),
        usage="Transformer 语言模型的前馈（MLP）块。",
    ),
    "srelu": ActivationText(
        name="S 形 ReLU",
        summary=(
            "由三段直线组成，带四个可学习参数：在两个拐点 t_l 和 t_r 之间是恒等函数，"
            "两侧的斜率分别为 a_l 和 a_r，因此既能呈 S 形，也能呈凸形或凹形。"
            "这里的默认值（拐点在 ±1，外侧斜率 0.1）画出的是 S 形。"
        ),
        strengths=(
            "既能学到凸的形状，也能学到非凸的形状",
            "分段线性：计算廉价，且只要斜率不为零，梯度就不会为零",
        ),
        weaknesses=(
            "每个通道多出四个可学习参数",
            "拐点和斜率需要仔细初始化",
        ),
        usage="CNN 的隐藏层，参数按通道学习。",
        params={
            "t_left": "左拐点 t_l：其左侧的斜率为 a_left",
            "a_left": "左拐点左侧的斜率 a_l",
            "t_right": "右拐点 t_r：其右侧的斜率为 a_right",
            "a_right": "右拐点右侧的斜率 a_r",
        },
    ),
    "absolute": ActivationText(
        name="绝对值",
        summary="绝对值整流：保留幅值、丢弃符号。早期的卷积目标识别系统把它用在滤波器组之后。",
        strengths=(
            "梯度的绝对值恒为 1：永远不会消失",
            "对特征的符号（极性）保持不变",
        ),
        weaknesses=(
            "非单调：不同的输入会得到相同的输出",
            "输出不以零为中心，也没有稀疏性",
        ),
        usage="早期视觉模型中卷积滤波器组之后；现代网络的隐藏层中很少使用。",
    ),
    "identity": ActivationText(
        name="恒等（线性）",
        summary=(
            "根本不做激活：输出等于输入。只由线性层和恒等函数搭成的网络，整体会退化为一个线性映射。"
        ),
        strengths=(
            "无界且无偏：回归任务输出层的自然选择",
            "处处梯度恰好为 1",
        ),
        weaknesses=(
            "不引入任何非线性：堆叠的线性层仍然是线性的",
            "无法刻画特征之间的交互，也无法表示非平面的决策边界",
        ),
        usage="回归模型的输出层（Keras 称之为 'linear'），以及比较激活函数时的基线。",
    ),
    # -- exponential linear -------------------------------------------------------------------
    "elu": ActivationText(
        summary=(
            "正输入处为恒等函数，负输入处为一条平滑的指数曲线，并饱和于 −α。"
            "负的输出把平均激活值拉向零，从而加快学习。"
        ),
        strengths=(
            "平均激活值比 ReLU 更接近零",
            "没有死亡神经元：梯度 α·eˣ 永远不会恰好为零",
            "α = 1 时在 0 处平滑过渡",
        ),
        weaknesses=(
            "每个负输入都要计算一次指数：比 ReLU 慢",
            "在 −α 处饱和，输入很负时梯度消失",
            "除非 α = 1，否则导数在 0 处跳变",
        ),
        usage="CNN 和 MLP 的隐藏层，可直接替换 ReLU。",
        params={"alpha": "负半轴饱和的深度 −α"},
    ),
    "celu": ActivationText(
        summary=(
            "重新参数化的 ELU，使导数对任意 α 都连续（在 0 处等于 1）：指数部分不仅按 α 缩放，"
            "还按 α 拉伸。α = 1 时与 ELU 相同。"
        ),
        strengths=(
            "对任意 α 都连续可导",
            "负的输出使平均激活值保持在零附近",
            "尺度相似：改变 α 只是等比缩放曲线，而不会改变其形状",
        ),
        weaknesses=(
            "每个负输入都要计算一次指数",
            "输入很负时会饱和",
        ),
        usage="本会使用 ELU、但需要导数连续的隐藏层。",
        params={"alpha": "负半轴饱和的深度 −α（同时也拉伸曲线）"},
    ),
    "selu": ActivationText(
        summary=(
            "缩放后的 ELU，两个常数经过专门选取，使均值为 0、"
            "方差为 1 的激活值逐层传递后仍保持均值 0、方差 1：网络无需批归一化就能自行归一化。"
        ),
        strengths=(
            "自归一化：深层全连接网络无需批归一化",
            "对标准正态输入，输出以零为中心",
            "没有死亡神经元",
        ),
        weaknesses=(
            "自归一化需要配合 LeCun 正态初始化和 Alpha Dropout",
            "导数在 0 处跳变（右侧为 λ，左侧为 λα ≈ 1.76）",
            "理论保证只针对全连接层；对 CNN 和 RNN 则不那么明确",
        ),
        usage="深层全连接网络（自归一化网络）的隐藏层。",
    ),
    "isrlu": ActivationText(
        summary=(
            "逆平方根线性单元：x ≥ 0 时为恒等函数，x < 0 时为 x/√(1 + αx²)，并饱和于 −1/√α。"
            "形状与 ELU 相似，但用的是逆平方根，硬件计算它比计算指数更快。"
        ),
        strengths=(
            "在有快速逆平方根指令的硬件上比 ELU 更廉价",
            "在 0 处二阶连续可导（C²）",
            "负的输出把平均激活值拉向零",
        ),
        weaknesses=(
            "输入很负时会饱和（较慢，斜率按 |x|⁻³ 衰减）",
            "用得很少，调参经验不多",
        ),
        usage="CNN 的隐藏层，替代 ELU。",
        params={"alpha": "决定负半轴的饱和值 −1/√α"},
    ),
    # -- self-gated ---------------------------------------------------------------------------
    "gelu": ActivationText(
        summary=(
            "用“标准正态变量小于该输入”的概率为每个输入加权，即 x·Φ(x)：一个平滑的 ReLU，"
            "带有一个小的负向凹陷（在 x ≈ −0.75 处取得最小值 ≈ −0.17）。"
        ),
        strengths=(
            "处处光滑，适度为负的输入也有非零梯度",
            "Transformer（BERT、GPT-2、ViT）中的标准选择",
        ),
        weaknesses=(
            "每个单元要计算一次 erf（或 tanh），代价是 ReLU 的好几倍",
            "非单调，输出也不以零为中心",
            "各框架的默认形式不一致：PyTorch 和 Keras 用精确形式，JAX 用 tanh 近似",
        ),
        usage="Transformer 的前馈块；以及需要平滑版 ReLU 的隐藏层。",
        params={"approximate": "'none'：精确的 x·Φ(x)；'tanh'：tanh 近似"},
    ),
    "silu": ActivationText(
        summary=(
            "用输入自身的 sigmoid 对它门控，即 x·σ(x)。Keras 和 JAX 称之为 swish；"
            "本程序中的 swish 指在 sigmoid 内带斜率 β 的版本（β = 1 时等于 SiLU）。"
        ),
        strengths=(
            "光滑且非单调：较小的负输入仍保留梯度",
            (
                "在深层 CNN（EfficientNet）和大语言模型的前馈层（作为 SwiGLU 的门）中，"
                "精度往往略优于 ReLU"
            ),
        ),
        weaknesses=(
            "每个单元都要计算一次指数",
            "不以零为中心；在 x ≈ −1.278 处取得最小值 ≈ −0.278",
        ),
        usage="CNN 的隐藏层（EfficientNet；MobileNetV3 所用 hardswish 的平滑对应）和门控前馈块。",
    ),
    "swish": ActivationText(
        summary=(
            "x·σ(βx)，通过对激活函数公式的自动搜索找到。β = 1 时即为 SiLU；"
            "调节 β 可使它在线性函数 x/2 和 ReLU 之间过渡。"
        ),
        strengths=(
            "β 可以按通道学习，让网络自己决定与 ReLU 有多接近",
            "光滑、非单调、上方无界",
        ),
        weaknesses=(
            "每个单元要计算一次指数；可学习的 β 会增加参数",
            "不以零为中心",
        ),
        usage="同 SiLU；Keras 和 JAX 中的 swish 就是 β = 1 时的这一函数。",
        params={"beta": "门的斜率：β → 0 时为 x/2，β → ∞ 时为 ReLU"},
    ),
    "quick_gelu": ActivationText(
        summary=(
            "GELU 的 sigmoid 近似 x·σ(1.702x)，与 GELU 同时提出，因 OpenAI 的 CLIP 而流行。"
            "它就是 β = 1.702 的 Swish，与 GELU 相差不到 0.02。"
        ),
        strengths=(
            "比精确的 GELU 廉价：只需一次指数",
            "要精确复现 CLIP 系列的预训练检查点，就必须用它",
        ),
        weaknesses=(
            "只是 GELU 的近似；在训练好的模型中把两者互换会使输出发生偏移",
            "不以零为中心",
        ),
        usage="CLIP 系列的 Transformer（文本塔和图像塔）。",
    ),
    "mish": ActivationText(
        summary=(
            "用输入的 softplus 的 tanh 对输入门控：与 SiLU 相近，"
            "负向凹陷略深（在 x ≈ −1.19 处取得最小值 ≈ −0.309）。"
        ),
        strengths=(
            "光滑且非单调；负输入仍保留较小的梯度",
            "据报道在目标检测（YOLOv4）中优于 ReLU 和 Swish",
        ),
        weaknesses=(
            "每个单元要计算一次 exp、一次 log 和一次 tanh（或等价的有理式）",
            "不以零为中心",
        ),
        usage="检测网络的骨干（YOLOv4、CSPDarknet）及其他 CNN。",
    ),
    "softplus": ActivationText(
        summary=(
            "平滑版的 ReLU，ln(1 + eˣ)：它是 sigmoid 的积分，恒为正。当 βx 超过 threshold 时，"
            "PyTorch 直接返回 x 本身（在默认参数下会产生 e⁻²⁰ ≈ 2·10⁻⁹ 的跳变）；"
            "Keras 和 JAX 没有这种切换。"
        ),
        strengths=(
            "光滑且输出严格为正：适合表示尺度、速率和方差",
            "其导数就是 logistic sigmoid，永远不会恰好为零",
        ),
        weaknesses=(
            "比 ReLU 慢（需要 exp 和 log），且不稀疏",
            "输入很负时梯度消失；输出不以零为中心",
        ),
        usage="输出必须为正的输出层（标准差、泊松分布的速率）；偶尔也用于隐藏层。",
        params={
            "beta": "锐度：β 大时趋近 ReLU，β 小时拐角宽而柔和",
            "threshold": "βx 超过 threshold 时输出直接取 x（PyTorch 的捷径）",
        },
    ),
    "squareplus": ActivationText(
        summary=(
            "代数形式的 softplus：只用一个平方根，不需要 exp 或 log。输出为正、光滑且单调，"
            "b → 0 时退化为 ReLU。"
        ),
        strengths=(
            "在 exp 和 log 很慢的硬件上比 softplus 廉价",
            "光滑、严格为正、单调",
        ),
        weaknesses=(
            "左侧只以 b/(4|x|) 的速度趋近 0，比 softplus 慢",
            "不以零为中心，也不稀疏",
        ),
        usage="本该使用 softplus、但 exp/log 代价较高的场合。",
        params={"b": "弯曲区域的宽度；b → 0 时为 ReLU"},
    ),
    "smelu": ActivationText(
        summary=(
            "平滑 ReLU：把 ReLU 的拐角换成半宽为 β 的一段抛物线，使梯度从 0 逐渐爬升到 1，"
            "而不是突然跳变。"
        ),
        strengths=(
            "与 ReLU 一样廉价（不含超越函数），却连续可导",
            "在 −β 左侧仍保持精确的零（稀疏性）",
            "提出它是为了让多次训练的结果比用 ReLU 时更可复现",
        ),
        weaknesses=(
            "−β 左侧的单元梯度仍为零（可能像 ReLU 单元一样死亡）",
            "只是 C¹：二阶导数在 ±β 处跳变",
        ),
        usage="看重多次训练结果可复现的大型推荐和排序模型；可直接替换 ReLU。",
        params={"beta": "连接 0 与 x 的二次过渡段的半宽"},
    ),
    "elish": ActivationText(
        summary=(
            "指数线性 Sigmoid 压缩函数：右侧为 SiLU，左侧为由 sigmoid 门控的 ELU。"
            "在 x = −asinh(1) 处取得最小值 2√2 − 3 ≈ −0.172。"
        ),
        strengths=(
            "结合了 ELU 的负值输出和 SiLU 平滑的正半轴",
            "非单调，适度为负的输入梯度不会消失",
        ),
        weaknesses=(
            "每个单元要计算两次指数",
            "在 0 处只是 C¹；除提出它的论文外很少使用",
        ),
        usage="原始研究中用于图像分类器的隐藏层。",
    ),
    "tanh_exp": ActivationText(
        summary=(
            "x·tanh(eˣ)：正输入处接近恒等函数（门很快达到 1），"
            "负半轴有一个与 SiLU 类似的凹陷（在 x ≈ −1.08 处取得最小值 ≈ −0.353）。"
        ),
        strengths=(
            "正输入处梯度接近 1，因此训练快",
            "专为轻量级（移动端）网络设计",
        ),
        weaknesses=(
            "每个单元要计算一次 exp 和一次 tanh",
            "不以零为中心；除其论文外很少使用",
        ),
        usage="小型 CNN 的隐藏层。",
    ),
    "serf": ActivationText(
        summary=(
            "log-Softplus 误差激活函数：用 softplus 的 erf 对 x 门控，是 Mish 的近亲，"
            "只是把 tanh 换成了 erf（在 x ≈ −1.19 处取得最小值 ≈ −0.348）。"
        ),
        strengths=(
            "光滑、非单调，像 Mish 一样具有自正则化效果",
            "据报道在图像和图任务上比 Mish 和 GELU 略有提升",
        ),
        weaknesses=(
            "每个单元要计算一次 exp、一次 log 和一次 erf",
            "不以零为中心；采用者不多",
        ),
        usage="隐藏层，可直接替换 Mish 或 Swish。",
    ),
    "logish": ActivationText(
        summary=(
            "用 ln(1 + σ(x)) 对 x 门控，门值从 0 升到 ln 2：x 很大时输出约为 0.69x，"
            "而不是 x（在 x ≈ −1.37 处取得最小值 ≈ −0.253）。"
        ),
        strengths=(
            "光滑且非单调，负半轴有界",
            "正半轴斜率较小，能抑制过大的激活值",
        ),
        weaknesses=(
            "右侧斜率为 ln 2，不重新缩放就不能直接替换 ReLU",
            "每个单元要计算一次 sigmoid 和一次 log；不以零为中心",
        ),
        usage="原始研究中 CNN 的隐藏层。",
    ),
    # -- sigmoidal ----------------------------------------------------------------------------
    "sigmoid": ActivationText(
        name="Sigmoid（Logistic）",
        summary="把任意实数压缩到 (0, 1) 内，输出可以解读为概率；经典的神经元非线性函数。",
        strengths=(
            "输出在 (0, 1) 内：可作概率或门（LSTM、GRU、注意力门）",
            "光滑且单调，导数形式简单：σ(x)(1 − σ(x))",
        ),
        weaknesses=(
            "两侧都会饱和：梯度最大只有 0.25，在深层堆叠中会消失",
            "输出不以零为中心，会拖慢梯度下降",
            "每个单元要计算一次指数：代价比 ReLU 高",
        ),
        usage=(
            "二分类或多标签分类的输出层，以及循环单元内部的门；如今在深层网络的隐藏层中已很少使用。"
        ),
    ),
    "logsigmoid": ActivationText(
        summary=(
            "sigmoid 的对数，即 −softplus(−x)：一个对数概率，"
            "在 log(sigmoid(x)) 会得到 −inf 的地方依然有限且精确。"
        ),
        strengths=(
            "对二值目标计算对数似然时数值稳定",
            "梯度 σ(−x) 永不爆炸，输入很负时趋于 1",
        ),
        weaknesses=(
            "下方无界且从不为正：不适合作隐藏层的激活函数",
            "输入为很大的正数时梯度消失",
        ),
        usage="用在损失函数内部（二元交叉熵、word2vec 的负采样），而不是作为某一层的激活函数。",
    ),
    "tanh": ActivationText(
        summary="双曲正切：值域为 (−1, 1)、以零为中心的 S 形函数；tanh(x) = 2σ(2x) − 1。",
        strengths=(
            "输出以零为中心，这一点不同于 logistic sigmoid",
            "比 sigmoid 更陡：原点处梯度为 1",
        ),
        weaknesses=(
            "|x| 超过约 3 后饱和：深层网络中梯度消失",
            "需要计算指数，代价比 ReLU 高",
        ),
        usage="RNN 和 LSTM 的隐藏状态、需要 (−1, 1) 内取值的输出层，以及小型 MLP。",
    ),
    "softsign": ActivationText(
        summary="值域为 (−1, 1) 的有理 S 形函数，以多项式速度（类似 1/x）而非指数速度趋近渐近线。",
        strengths=(
            "以零为中心；比 tanh 饱和得更平缓，梯度衰减得更慢",
            "不需要指数：计算廉价",
        ),
        weaknesses=(
            "仍会饱和：尾部梯度按 1/x² 衰减",
            "用得少，成熟的调参方案不多",
        ),
        usage="偶尔在 MLP 和 RNN 的隐藏层中替代 tanh。",
    ),
    "arctan": ActivationText(
        summary=(
            "反正切函数：值域为 (−π/2, π/2)、以零为中心的 S 形函数，尾部以 1/x 的速度趋近渐近线。"
        ),
        strengths=(
            "以零为中心，原点附近近似恒等函数（f′(0) = 1）",
            "梯度按多项式（1/x²）衰减，比 tanh 慢",
        ),
        weaknesses=(
            "|x| 很大时仍会饱和",
            "是反三角函数：代价比 ReLU 高",
        ),
        usage="偶尔在隐藏层中替代 tanh；常见于激活函数的对比研究和教材。",
    ),
    "lecun_tanh": ActivationText(
        summary="缩放后的 tanh，常数的选取使 f(±1) = ±1，并大致保持单位方差输入的方差。",
        strengths=(
            "以零为中心；输入归一化后，输出方差约为 1",
            "最大曲率位于 x = ±1，正是尺度合适的输入所在的位置",
        ),
        weaknesses=(
            "与 tanh 一样会饱和：深层网络中梯度消失",
            "其常数假定输入已归一化为单位方差",
        ),
        usage="经典卷积网络（LeNet 时代）以及采用 LeCun 初始化训练的 MLP 的隐藏层。",
    ),
    "isru": ActivationText(
        summary="逆平方根单元：用平方根而非指数构造的类 tanh S 形函数，上下界为 ±1/√α。",
        strengths=(
            "以零为中心，原点附近近似恒等函数",
            "只需一次乘加和一次逆平方根：在 GPU 上很快",
        ),
        weaknesses=(
            "会饱和（梯度按 |x|⁻³ 衰减）",
            "除循环网络外很少使用",
        ),
        usage="在 RNN 单元中作为 tanh 和 sigmoid 的更廉价替代。",
        params={"alpha": "决定饱和值 ±1/√α（α 越大，界越紧）"},
    ),
    "log_log": ActivationText(
        name="互补双对数",
        summary=(
            "互补双对数（complementary log-log）连接函数的反函数：一个不对称的 S 形函数，"
            "从 0 缓慢上升，然后极快地趋近 1。"
        ),
        strengths=(
            "不对称：适合表示稀有事件的概率",
            "与 logistic sigmoid 一样，输出在 (0, 1) 内",
        ),
        weaknesses=(
            "两侧都会饱和，右侧饱和得极快（双重指数速度）",
            "不以零为中心",
        ),
        usage="概率分布偏斜的二值结果的输出单元；偶尔用于小型网络的隐藏层。",
    ),
    "symmetric_sigmoid": ActivationText(
        name="对称 Sigmoid",
        summary=(
            "拉伸到 (−1, 1) 的 logistic sigmoid；"
            "与 tanh(x/2) 完全相同（即早期神经网络文献中的双极性 sigmoid）。"
        ),
        strengths=(
            "sigmoid 的零中心版本",
            "斜率比 tanh 平缓（原点处为 1/2）",
        ),
        weaknesses=(
            "会饱和：梯度消失",
            "只是缩放后的 tanh，做不到任何 tanh 做不到的事",
        ),
        usage="早期 MLP 文献中需要 (−1, 1) 取值的隐藏单元或输出单元。",
    ),
    # -- hard ---------------------------------------------------------------------------------
    "hardtanh": ActivationText(
        summary=(
            "截断到 [min_val, max_val] 的恒等函数：分段线性的 tanh。边界取 0 和 6 时即为 ReLU6。"
        ),
        strengths=(
            "极其廉价：一次截断",
            "输出有界；边界对称时以零为中心",
            "线性区内梯度恰好为 1",
        ),
        weaknesses=(
            "边界之外梯度为零：饱和的神经元停止学习",
            "在边界处不可导",
        ),
        usage="小型或量化网络的隐藏层，以及需要廉价有界非线性的循环模型。",
        params={
            "min_val": "输出的下界 a（小于 max_val）",
            "max_val": "输出的上界 b（大于 min_val）",
        },
    ),
    "hardsigmoid": ActivationText(
        summary=(
            "分段线性的 sigmoid：把 x/6 + 1/2 截断到 [0, 1]，"
            "以很低的代价匹配 logistic 函数的取值和斜率范围。这是 PyTorch、"
            "JAX 和 Keras 3（hard_sigmoid）的定义；Keras 2 和 TensorFlow 用的是 0.2x + 0.5，"
            "单独列为 hard_sigmoid_keras。PyTorch 在 float64 下反向传播返回的是舍入到 float32 的 1/"
            "6；这里是精确的 1/6。"
        ),
        strengths=(
            "不需要指数：在移动端和量化硬件上很廉价",
            "在 [−3, 3] 之外恰好为 0 和 1",
        ),
        weaknesses=(
            "在 [−3, 3] 之外梯度为零",
            "不以零为中心",
            "在 ±3 处有拐点",
        ),
        usage=(
            "移动端网络中的门：MobileNetV3 的 SE（squeeze-and-excitation）模块，"
            "以及 hardswish 内部。"
        ),
    ),
    "hardswish": ActivationText(
        summary=(
            "x 乘以 hardsigmoid(x)：对 SiLU/swish 的分段二次模仿，不需要指数。"
            "Keras 3 和 JAX 称之为 hard_silu（别名 hard_swish）。在 x = −3/2 处取得最小值 −3/8。"
        ),
        strengths=(
            "精度接近 SiLU，代价却只是它的一小部分",
            "x ≤ −3 时恰好为零；x ≥ 3 时为恒等函数",
        ),
        weaknesses=(
            "非单调（向下凹陷到 −0.375）",
            "导数在 ±3 处跳变",
            "x ≤ −3 时梯度为零",
        ),
        usage="移动端网络（MobileNetV3、EfficientNet-Lite 的变体）的隐藏层，主要用在较深的层。",
    ),
    "hard_sigmoid_keras": ActivationText(
        summary=(
            "Theano、Keras 2 和 TensorFlow 中旧版的 hard sigmoid：斜率 0.2，在 ±2.5 处饱和。"
            "Keras 3 改用了 PyTorch 的 x/6 + 1/2（见 hardsigmoid），"
            "因此在版本之间移植的模型输出可能改变。TensorFlow 的截断在两个边界处会传递梯度；"
            "这里与所有硬函数一样取 f′(±2.5) = 0。"
        ),
        strengths=(
            "廉价：一次乘加和一次截断",
            "斜率 0.2 比 1/6 更接近 logistic 函数在 0 处的斜率 0.25",
        ),
        weaknesses=(
            "比 hardsigmoid（±3）更早饱和（±2.5）",
            "线性区之外梯度为零",
            "两种互不兼容的定义共用 hard_sigmoid 这个名字",
        ),
        usage="Keras 2 中 LSTM 和 GRU 的循环门（recurrent_activation='hard_sigmoid' 曾是默认值）。",
    ),
    "hard_elish": ActivationText(
        summary=(
            "把 ELiSH 的 sigmoid 门换成 hard sigmoid：右侧为 x·g(x)，左侧为 (eˣ − 1)·g(x)，"
            "在 −1 以下恰好为 0。它是通过对激活函数的遗传搜索找到的。"
        ),
        strengths=(
            "比 ELiSH 廉价（只在 (−1, 0) 上计算一次指数）",
            "−1 以下恰好为零，1 以上为恒等函数",
        ),
        weaknesses=(
            "非单调（在 x ≈ −0.443 处向下凹陷到约 −0.0997）",
            "导数在 −1 和 1 处跳变",
            "除提出它的论文外很少使用",
        ),
        usage="CNN 的隐藏层，原文用于图像分类。",
    ),
    "sparse_plus": ActivationText(
        name="稀疏 Softplus",
        summary=(
            "softplus 的稀疏版本：−1 以下恰好为 0，1 以上恰好为 x，中间用一段抛物线连接，"
            "因此它是凸的、单调的，并且连续可导。其导数是 sparse_sigmoid。JAX 和 Keras 3 中提供。"
        ),
        strengths=(
            "像 softplus 一样平滑（C¹），又有精确的零（稀疏性）",
            "不需要指数或对数",
        ),
        weaknesses=(
            "−1 以下梯度为零：神经元可能死亡",
            "不以零为中心",
        ),
        usage="隐藏层中 softplus 的廉价替代，或需要稀疏输出的场合。",
    ),
    "sparse_sigmoid": ActivationText(
        name="稀疏 Sigmoid",
        summary=(
            "sigmoid 的稀疏版本，也是 sparse plus 的导数：−1 以下恰好为 0，1 以上恰好为 1，"
            "中间为线性。JAX 和 Keras 3 中提供。"
        ),
        strengths=(
            "在 [−1, 1] 之外恰好为 0 和 1：稀疏的概率",
            "廉价：一次截断",
        ),
        weaknesses=(
            "在 [−1, 1] 之外梯度为零",
            "比 logistic sigmoid 更早饱和",
        ),
        usage="需要精确 0/1 取值的门和二值输出。",
    ),
    "binary_step": ActivationText(
        name="二值阶跃",
        summary=(
            "Heaviside 阶跃函数：输入达到 0 时神经元激发（输出 1），否则保持沉默（输出 0）；"
            "这里取 f(0) = 1。它是最早的人工神经元和感知机所用的激活函数。"
        ),
        strengths=(
            "二值输出：易于解释，也易于用硬件实现",
            "历史上用来模拟神经元的激发",
        ),
        weaknesses=(
            "导数在其存在之处处处为零：梯度下降无法通过它进行训练",
            "在 0 处不连续",
        ),
        usage=(
            "感知机和二值阈值单元；现代网络中只配合替代梯度使用（例如脉冲神经网络或二值化网络）。"
        ),
    ),
    # -- shrinkage and thresholds -------------------------------------------------------------
    "tanhshrink": ActivationText(
        name="Tanh 收缩",
        summary=(
            "x 减去 tanh(x) 后剩下的部分：原点附近几乎是平的（≈ x³/3），|x| 很大时为 x ∓ 1；"
            "一个光滑的收缩函数。"
        ),
        strengths=(
            "平滑收缩：小输入被强烈抑制，大输入平移后通过",
            "以零为中心；梯度 tanh²(x) 在尾部趋于 1",
        ),
        weaknesses=(
            "原点附近梯度接近零，从小输入中学习得很慢",
            "很少用作隐藏层的激活函数",
        ),
        usage=(
            "稀疏编码和去噪模型（学习得到的收缩，例如 LISTA 类网络）；PyTorch 中为 nn.Tanhshrink。"
        ),
    ),
    "softshrink": ActivationText(
        name="软收缩",
        summary=(
            "软阈值：±λ 以内的输入变为 0，其余输入都向零移动 λ。它是 L1 范数的近端算子，"
            "正是这一步使 Lasso 和稀疏编码的解变得稀疏。Keras 3 称之为 soft_shrink，"
            "用关键字 threshold 表示 λ。"
        ),
        strengths=(
            "小输入恰好为零：输出稀疏、去噪",
            "连续、奇函数、单调；输出以零为中心",
        ),
        weaknesses=(
            "死区内梯度为零",
            "大值也会被收缩（带来大小为 λ 的偏差）",
            "在深层网络中很少用作隐藏层激活函数",
        ),
        usage="展开的稀疏编码网络（LISTA）、小波去噪和稀疏自编码器。",
        params={"lambd": _DEAD_ZONE},
    ),
    "hardshrink": ActivationText(
        name="硬收缩",
        summary=(
            "硬阈值：±λ 以内的输入变为 0，其余输入原样通过，因此函数在 ±λ 处跳变 λ。"
            "与 softshrink 不同，它对大值没有偏差。Keras 3 称之为 hard_shrink，"
            "用关键字 threshold 表示 λ。"
        ),
        strengths=(
            "小输入恰好为零，大输入不被收缩",
            "奇函数且单调；输出以零为中心",
        ),
        weaknesses=(
            "在 ±λ 处不连续",
            "死区内梯度为零",
        ),
        usage="小波去噪和稀疏逼近；在深层网络中很少使用。",
        params={"lambd": _DEAD_ZONE},
    ),
    "threshold": ActivationText(
        name="阈值",
        summary=(
            "把所有不大于阈值的输入替换为一个固定值，其余输入原样通过。PyTorch 没有给它默认值；"
            "这里取 threshold = 1、value = 0，即 Keras 2 的 ThresholdedReLU（θ = 1），"
            "这样阈值处的跳变清晰可见（若 threshold = value = 0，它就只是 ReLU）。"
        ),
        strengths=(
            "把小而嘈杂的激活完全抑制掉",
            "廉价：一次比较",
        ),
        weaknesses=(
            "只要 value ≠ threshold 就不连续",
            "阈值以下梯度为零：神经元可能死亡",
            "两个超参数都没有标准取值",
        ),
        usage="自编码器中的阈值 ReLU（零偏置自编码器），以及自定义层中的掩码。",
        params={
            "threshold": "不大于 t 的输入会被替换",
            "value": "不大于 t 的输入被替换成的值 v",
        },
    ),
    "sign": ActivationText(
        name="符号函数",
        summary=(
            "只保留输入的符号：−1、0 或 1。它是二值化网络的激活函数；"
            "由于其真实导数除跳变点外处处为零，训练时要用替代梯度（“直通”梯度）。"
        ),
        strengths=(
            "一比特输出：二值化网络可以用位运算代替乘法",
            "以零为中心且有界",
        ),
        weaknesses=(
            "导数为零：普通的反向传播无法通过它进行训练",
            "在 0 处不连续；幅值信息全部丢失",
        ),
        usage="二值化神经网络（配合直通估计器）以及哈希层。",
    ),
    # -- periodic and radial ------------------------------------------------------------------
    "snake": ActivationText(
        summary="恒等函数加上一个周期性波纹：像 ReLU 家族的函数一样单调，却能外推周期信号。",
        strengths=(
            "能学习并外推周期模式（时间序列、音频），这是 ReLU 和 tanh 做不到的",
            "单调且无界：平均而言梯度不会消失",
        ),
        weaknesses=(
            "梯度周期性地降到 0（在 ax = −π/4 + kπ 处）",
            "频率需要调节或学习",
        ),
        usage="处理周期数据的隐藏层；频率常按通道学习（例如 BigVGAN 音频声码器）。",
        params={"frequency": "a：叠加在恒等函数上的波纹的振荡快慢"},
    ),
    "gaussian": ActivationText(
        name="高斯",
        summary="一条钟形曲线：原点处为 1，向两侧衰减到 0；即 RBF 网络中的径向基函数。",
        strengths=(
            "局部响应：每个单元只对一块邻域内的输入起反应",
            "光滑、有界，在 RBF 网络中具有万能逼近性质",
        ),
        weaknesses=(
            "远离原点时梯度迅速消失",
            "非单调，也不以零为中心",
        ),
        usage="径向基函数网络和一些隐式神经表示；在深层前馈网络中很少见。",
    ),
    "sinusoid": ActivationText(
        name="正弦",
        summary="正弦函数：周期、有界，在原点附近近似恒等函数。",
        strengths=(
            "能表示周期结构和精细细节（SIREN 隐式表示）",
            "以零为中心，梯度不会长时间消失",
        ),
        weaknesses=(
            "存在大量等价的局部极小值；训练对初始化很敏感",
            "非单调",
        ),
        usage="隐式神经表示（SIREN，配合频率因子 ω₀ = 30 和专门的初始化）以及傅里叶特征网络。",
    ),
    "sinc": ActivationText(
        summary=(
            "非归一化的 sinc 函数 sin(x)/x：原点处为 1，"
            "向两侧振荡衰减（不是 NumPy 中归一化的 sin(πx)/(πx)）。"
        ),
        strengths=(
            "光滑、有界且振荡：能刻画带限信号",
            "大多数输入处梯度不为零",
        ),
        weaknesses=(
            "非单调，有许多局部极值",
            "不以零为中心；按 1/x 衰减，因此大输入几乎被压制",
        ),
        usage="实验性的隐藏层激活函数，也用于隐式表示；信号处理中的插值核。",
    ),
    "gcu": ActivationText(
        name="增长余弦单元（GCU）",
        summary=(
            "振荡型激活函数 x·cos(x)，振幅随 |x| 增长；由于它有多个零点，单个神经元就能分开 XOR。"
        ),
        strengths=(
            "振荡的决策边界：一个神经元就能学会 XOR",
            "以零为中心，原点附近近似恒等函数",
        ),
        weaknesses=(
            "非单调；梯度振荡，并随 |x| 增大",
            "大规模实验结果很少",
        ),
        usage="提出时用于卷积层（CIFAR、Imagenette 实验），替代 ReLU 或 Swish。",
    ),
    # -- other --------------------------------------------------------------------------------
    "lisht": ActivationText(
        summary="线性缩放的双曲正切：x·tanh(x)，一个非负的偶函数，在 0 附近像 x²，远处像 |x|。",
        strengths=(
            "上方无界，尾部梯度为 ±1：不会饱和",
            "负输入的梯度不为零（没有死亡神经元）",
        ),
        weaknesses=(
            "偶函数：x 和 −x 输出相同，符号信息丢失",
            "输出从不为负，不以零为中心",
        ),
        usage="提出时作为 ReLU 的替代，用于 MLP、CNN 和 LSTM 的隐藏层；实践中很少使用。",
    ),
    "bent_identity": ActivationText(
        name="弯曲恒等",
        summary=(
            "被一条双曲线“弯折”的恒等函数：输入很负时斜率为 1/2，很正时为 3/2，原点处恰好为 1。"
        ),
        strengths=(
            "光滑、单调、两侧无界：不饱和，也没有死亡神经元",
            "梯度始终在 1/2 和 3/2 之间",
        ),
        weaknesses=(
            "几乎是线性的，堆叠很多层也增加不了多少表达能力",
            "不以零为中心，很少使用",
        ),
        usage="出现在激活函数对照表和小型回归网络中；Leaky ReLU 的一种光滑、不对称的替代。",
    ),
    "soft_exponential": ActivationText(
        name="软指数",
        summary=(
            "一族可学习的函数，在恒等函数（α → 0）和指数函数（α = 1）之间插值；"
            "α < 0 时变为对数型（这里不提供，因为那一支只在 x > 1/α − α 时有定义）。"
        ),
        strengths=(
            "一个参数就能在线性和指数行为之间连续变化",
            "光滑且单调；α 可以按神经元训练",
        ),
        weaknesses=(
            "α > 0 时按指数增长：激活值和梯度可能爆炸",
            "很少使用；实践证据不多",
        ),
        usage="可学习激活函数的研究；α 通常按神经元训练。",
        params={"alpha": "曲率：接近 0 时几乎是恒等函数，取 1 时为指数函数 eˣ"},
    ),
    # -- vector -------------------------------------------------------------------------------
    "softmax": ActivationText(
        summary=(
            "把一个得分向量（logits）变成概率分布：各元素为正、和为 1，"
            "得分最大的一项分得最大的份额。"
        ),
        strengths=(
            "argmax 的可微推广；与交叉熵搭配时梯度形式简单，为 p − y",
            "给所有 logit 加上同一个常数，结果不变",
            "温度可以调节置信度（知识蒸馏、采样）",
        ),
        weaknesses=(
            "某个 logit 占主导时饱和：其余各项的梯度消失",
            "教科书上的公式在 logit 很大时会溢出（应先减去最大值）",
            "计算量随类别数增长",
        ),
        usage="多分类器的输出层，以及 Transformer 中的注意力权重。",
        params={"temperature": _TEMPERATURE},
    ),
    "log_softmax": ActivationText(
        summary=(
            "softmax 的对数，按 logits 减去其 log-sum-exp 计算："
            "得到的对数概率在 log(softmax(v)) 会给出 −inf 的地方依然有限。"
        ),
        strengths=(
            "即使预测置信度极高，对数似然也数值稳定",
            "与负对数似然损失搭配时，等价于 softmax 交叉熵",
        ),
        weaknesses=(
            "输出是对数概率（≤ 0），而不是概率",
            "某个 logit 占主导时，与 softmax 一样梯度消失",
        ),
        usage="NLL 损失之前的最后一层（PyTorch 的 LogSoftmax + NLLLoss），以及语言模型的解码。",
        params={"temperature": _TEMPERATURE},
    ),
    "softmin": ActivationText(
        summary="对取负后的向量做 softmax：得到偏向最小元素的分布，例如把距离或代价转换成权重。",
        strengths=(
            "可微的软 arg-min",
            "与 softmax 一样稳定，同样对平移不变",
        ),
        weaknesses=(
            "某个元素远小于其余元素时，像 softmax 一样饱和",
            "很少需要：softmax(−v) 表达的是同一件事",
        ),
        usage="按距离或代价加权（软最近邻、soft-DTW 一类的松弛）；PyTorch 中为 nn.Softmin。",
        params={"temperature": _TEMPERATURE},
    ),
    "glu": ActivationText(
        summary="门控线性单元：把输入分成两半，用后一半的 sigmoid 对前一半门控，输出宽度减半。",
        strengths=(
            "线性通路（a）保持梯度畅通，σ(b) 则学习该放行什么",
            "它的变体（SwiGLU、GeGLU）构成了现代大语言模型的前馈块",
        ),
        weaknesses=(
            "同样的输出宽度需要两倍的输入（参数更多）",
            "输入长度必须为偶数",
        ),
        usage="门控卷积语言模型，以及（以 SwiGLU/GeGLU 的形式）Transformer 的前馈层。",
    ),
}


# The English each entry was translated from (see english_digest); a test flags changes.
TRANSLATED_FROM: dict[str, str] = {
    "relu": "417082f30e0a",
    "relu6": "ca7802ac3442",
    "leaky_relu": "fb1dbcc7e957",
    "prelu": "0a8619c0844d",
    "rrelu": "d5ec2c56fe6e",
    "relu_squared": "b248f35771cf",
    "srelu": "21500345b424",
    "absolute": "e16e46b802f4",
    "identity": "1b728bc8a82b",
    "elu": "240001c1bd96",
    "celu": "02cdb8e6d04c",
    "selu": "e042ccc88635",
    "isrlu": "d757fbda5c54",
    "gelu": "21020c79673e",
    "silu": "e35c3b84059b",
    "swish": "6bd5f2aaebb1",
    "quick_gelu": "9b98582b2c48",
    "mish": "9f7f6c04489f",
    "softplus": "2c2501bb073b",
    "squareplus": "5a8d53dd7c2c",
    "smelu": "06097dc5c690",
    "elish": "60a180eaac7e",
    "tanh_exp": "d69742da4d93",
    "serf": "f3fbc5fa9fc1",
    "logish": "126148c43266",
    "sigmoid": "3ba93a13945b",
    "logsigmoid": "3f00b3b679b2",
    "tanh": "4da43c74a799",
    "softsign": "24931f5fc6a3",
    "arctan": "fa0ff9572a4f",
    "lecun_tanh": "a29c30ab42aa",
    "isru": "5840ecd34dc1",
    "log_log": "d3dad4509143",
    "symmetric_sigmoid": "2535727f3bc7",
    "hardtanh": "97bc0612ab65",
    "hardsigmoid": "78cebfdf89a9",
    "hardswish": "e8c1a1f7f4a3",
    "hard_sigmoid_keras": "f034e63a73e3",
    "hard_elish": "c7090d617538",
    "sparse_plus": "7cf49c633233",
    "sparse_sigmoid": "32453554b316",
    "binary_step": "e96b290e63df",
    "tanhshrink": "706cdc0b16b1",
    "softshrink": "20f6655a27a5",
    "hardshrink": "6333e970b548",
    "threshold": "eac2fb25b9cf",
    "sign": "b76cc29cc215",
    "snake": "1812cbbfd73e",
    "gaussian": "cffb52dad47d",
    "sinusoid": "1769c00f4794",
    "sinc": "43db14625965",
    "gcu": "87dd98dfa8ea",
    "lisht": "8ef50c907b18",
    "bent_identity": "da157ae83a4f",
    "soft_exponential": "f2ac2fbb1bbb",
    "softmax": "73f41a12c4e2",
    "log_softmax": "551048b2f771",
    "softmin": "dd38220ad565",
    "glu": "f679baada8a2",
}
