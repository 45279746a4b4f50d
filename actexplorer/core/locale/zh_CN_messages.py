"""简体中文 wording of the messages the Qt-free layers raise, keyed by the English template.

Each value keeps exactly the placeholders of its key (a test checks it). Names, keys, expressions
and numbers inside the placeholders stay as they are; only the sentence around them is Chinese.
A value that is itself a message (a reason, a word such as "a list") is translated on its own.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # -- parameters (actexplorer.core.activation) -------------------------------------------------
    "parameter {name!r} must be one of {choices}; got {value!r}": (
        "参数 {name!r} 只能取 {choices} 之一（输入为 {value!r}）"
    ),
    "parameter {name!r} must be a number; got {value}": (
        "参数 {name!r} 必须是数字（输入为 {value}）"
    ),
    "parameter {name!r} must lie in {interval}; got {value}": (
        "参数 {name!r} 必须在 {interval} 范围内（输入为 {value}）"
    ),
    "{key} takes no parameters; got {name!r}": "{key} 没有参数（输入了 {name!r}）",
    "unknown parameter {name!r} for {key} (takes {names}){suggestion}": (
        "{key} 没有参数 {name!r}（它的参数是 {names}）{suggestion}"
    ),
    "; did you mean {hint!r}?": "；你是不是想输入 {hint!r}？",
    # -- the catalog (actexplorer.core.registry) -------------------------------------------------
    "custom activation keys start with {prefix!r}; got {key!r}": (
        "自定义激活函数的键必须以 {prefix!r} 开头（输入为 {key!r}）"
    ),
    "{key!r} is a built-in activation's alias": "{key!r} 是某个内置激活函数的别名",
    "no activation {key!r} to remove": "没有可删除的激活函数 {key!r}",
    "{key!r} is built in and cannot be removed": "{key!r} 是内置函数，不能删除",
    "activation keys are strings; got {key!r}": "激活函数的键必须是文本（输入为 {key!r}）",
    "unknown activation {key!r}{hint}": "未知的激活函数 {key!r}{hint}",
    "; did you mean {names}?": "；你是不是想输入 {names}？",
    "{first} or {second}": "{first} 或 {second}",
    "{key!r} is a vector activation; it has no curve over x": (
        "{key!r} 是向量函数，没有关于 x 的曲线"
    ),
    # -- custom expressions (actexplorer.core.custom) --------------------------------------------
    "{reason} at column {column}{hint}": "第 {column} 列：{reason}{hint}",
    "{reason}{hint}": "{reason}{hint}",
    " — did you mean {name}?": "，你是不是想输入 {name}？",
    "expression too large (more than {limit} elements)": "表达式太大（超过 {limit} 个元素）",
    "expression nested too deeply (more than {limit} levels)": "表达式嵌套太深（超过 {limit} 层）",
    "{what} is not allowed": "不支持{what}",
    "operator {what} is not allowed": "不允许使用运算符 {what}",
    "{value!r} is not a number": "{value!r} 不是数字",
    "number too large": "数字太大",
    "{name} is a function: write {name}(...)": "{name} 是函数，请写成 {name}(...)",
    "{name} is a function: write {name}(x)": "{name} 是函数，请写成 {name}(x)",
    "name {name!r} is not allowed": "不允许使用名称 {name!r}",
    "a power of a power (like a**b**c) is not allowed; use parentheses": (
        "不允许连续乘方（如 a**b**c），请加括号"
    ),
    "exponent {value} is too large (at most {limit})": "指数 {value} 太大（最大为 {limit}）",
    "chained comparisons are not allowed": "不允许连续比较",
    "only named functions can be called": "只能调用有名字的函数",
    "{name} takes {count} argument": "{name} 需要 {count} 个参数",
    "{name} takes {count} arguments": "{name} 需要 {count} 个参数",
    "{name} works on vectors, not on x": "{name} 作用于向量，不能作用于 x",
    "{name} takes one input, e.g. {name}(x)": "{name} 只接受一个输入，例如 {name}(x)",
    "** arguments are not allowed": "不允许使用 ** 参数",
    "* arguments are not allowed": "不允许使用 * 参数",
    "{name} has no parameter {param!r} (it takes {names})": (
        "{name} 没有参数 {param!r}（它的参数是 {names}）"
    ),
    "no parameters": "无参数",
    "parameter {param} of {name} cannot depend on x": "{name} 的参数 {param} 不能依赖于 x",
    "unknown name {name!r}": "未知名称 {name!r}",
    "the expression must be text": "表达式必须是文本",
    "expression too long ({length} characters; at most {limit})": (
        "表达式太长（{length} 个字符，最多 {limit} 个）"
    ),
    "the expression is empty": "表达式为空",
    "too many nested parentheses (at most {limit})": "括号嵌套太多（最多 {limit} 层）",
    "no value for parameter {name!r}": "参数 {name!r} 没有取值",
    "syntax error: {detail}": "语法错误：{detail}",
    "the expression cannot be read": "无法解析该表达式",
    "invalid syntax": "无效的语法",
    "invalid syntax. Perhaps you forgot a comma?": "无效的语法，是不是漏了逗号？",
    "unclosed '('": "'(' 没有闭合",
    "invalid decimal literal": "无效的数字写法",
    "unmatched {bracket}": "多余的 {bracket}",
    "{bracket} was never closed": "{bracket} 没有闭合",
    "a custom activation must be an object": "自定义激活函数必须是一个对象",
    "custom activation 'name' must be a short non-empty text": (
        "自定义激活函数的 'name' 必须是简短的非空文本"
    ),
    "custom activation 'expression' must be text": "自定义激活函数的 'expression' 必须是文本",
    "custom activation 'params' must be a list": "自定义激活函数的 'params' 必须是列表",
    "custom activation params[{index}] needs a 'name'": (
        "自定义激活函数的 params[{index}] 缺少 'name'"
    ),
    "custom activation params[{index}]: {reason}": "自定义激活函数的 params[{index}]：{reason}",
    "minimum": "最小值",
    "maximum": "最大值",
    "default": "默认值",
    "{label} of {name!r} must be a number": "{name!r} 的{label}必须是数字",
    "{label} of {name!r} must be finite": "{name!r} 的{label}必须是有限数",
    "minimum of {name!r} must be below its maximum": "{name!r} 的最小值必须小于最大值",
    "default of {name!r} must lie in [{lo}, {hi}]": "{name!r} 的默认值必须在 [{lo}, {hi}] 范围内",
    "attribute access": "属性访问",
    "a comprehension": "推导式",
    "indexing": "下标索引",
    "if/else (use where(condition, a, b))": "if/else（请用 where(condition, a, b)）",
    "a string": "字符串",
    "assignment": "赋值",
    # -- the explorer's state (actexplorer.state) ------------------------------------------------
    "params must be a mapping of name to value; got {value!r}": (
        "params 必须是“名称: 值”的映射（输入为 {value!r}）"
    ),
    "{name} must lie in [{lo}, {hi}]; got {value}": (
        "{name} 必须在 [{lo}, {hi}] 范围内（输入为 {value}）"
    ),
    "distribution must be an InputDistribution; got {value!r}": (
        "distribution 必须是 InputDistribution（输入为 {value!r}）"
    ),
    "unknown distribution {kind!r}; choose from {choices}": (
        "未知的分布 {kind!r}；可选：{choices}"
    ),
    "logits must be a sequence of numbers; got {value!r}": (
        "logits 必须是一串数字（输入为 {value!r}）"
    ),
    "logits need {lo} to {hi} entries; got {count}": (
        "logits 需要 {lo} 到 {hi} 个数（输入了 {count} 个）"
    ),
    "logits must lie in [-{limit}, {limit}]": "logits 必须在 [-{limit}, {limit}] 范围内",
    "x_range must be a pair (low, high); got {value!r}": (
        "x_range 必须是一对数 (下限, 上限)（输入为 {value!r}）"
    ),
    "x_range must lie within ±{limit}; got ({lo}, {hi})": (
        "x_range 必须在 ±{limit} 以内（输入为 ({lo}, {hi})）"
    ),
    "x_range needs low < high (by {width}); got ({lo}, {hi})": (
        "x_range 的下限必须比上限至少小 {width}（输入为 ({lo}, {hi})）"
    ),
    "{name} must be one of {choices}; got {value!r}": (
        "{name} 只能取 {choices} 之一（输入为 {value!r}）"
    ),
    "pins must be Pin objects; got {value!r}": "pins 必须是 Pin 对象（输入为 {value!r}）",
    "at most {limit} functions can be pinned; got {count}": (
        "最多只能固定 {limit} 个函数（输入了 {count} 个）"
    ),
    "{name}: {reason}": "{name}：{reason}",
    "{name} must be True or False; got {value!r}": (
        "{name} 必须是 True 或 False（输入为 {value!r}）"
    ),
    "{name} must be a whole number; got {value!r}": "{name} 必须是整数（输入为 {value!r}）",
    "{name} must be a number; got {value!r}": "{name} 必须是数字（输入为 {value!r}）",
    "{name} must be finite; got {value!r}": "{name} 必须是有限数（输入为 {value!r}）",
    # -- the lab's state (actexplorer.lab_state) -------------------------------------------------
    "{name} must lie in ({lo}, {hi}]; got {value}": (
        "{name} 必须在 ({lo}, {hi}] 范围内（输入为 {value}）"
    ),
    "{name} must be 'fan_in' or 'fan_out'; got {value!r}": (
        "{name} 必须是 'fan_in' 或 'fan_out'（输入为 {value!r}）"
    ),
    "{name} must be a catalog key; got {value!r}": "{name} 必须是目录中的键（输入为 {value!r}）",
    "{activation} acts on whole vectors; the lab needs a scalar one": (
        "{activation} 作用于整个向量，实验室需要逐元素的标量函数"
    ),
    "{name} must be a list of catalog keys or None; got {value!r}": (
        "{name} 必须是目录键的列表或 None（输入为 {value!r}）"
    ),
    "{name} can name at most {limit} layers; got {count}": (
        "{name} 最多只能指定 {limit} 层（输入了 {count} 层）"
    ),
    "the lab has no setting {name!r}": "实验室没有设置项 {name!r}",
    "{name}: unknown setting": "{name}：未知的设置项",
    # -- scenes and lectures (actexplorer.scene) -------------------------------------------------
    "{count} problems:": "共 {count} 个问题：",
    "{path}: {message}": "{path}：{message}",
    "explorer.{problem}": "explorer.{problem}",
    "{reason}{place}": "{reason}{place}",
    " (line {line}, column {column})": "（第 {line} 行，第 {column} 列）",
    "{name} is not a number a scene can hold (only finite numbers)": (
        "场景中不能保存 {name}（只能保存有限数）"
    ),
    "number {text} is too large": "数字 {text} 太大",
    "number {text} ({digits} digits) is too large": "数字 {text}（{digits} 位）太大",
    "field {key!r} appears twice in one object": "字段 {key!r} 在同一个对象中出现了两次",
    "{count} bytes": "{count} 字节",
    "the file is too large ({size}; scenes are at most {limit})": (
        "文件太大（{size}；场景文件最大 {limit}）"
    ),
    "cannot open {name}: {reason}": "无法打开 {name}：{reason}",
    "cannot open {name}: not a regular file": "无法打开 {name}：不是普通文件",
    "cannot read {name}: {reason}": "无法读取 {name}：{reason}",
    "not a text file (invalid UTF-8 at byte {byte})": (
        "不是文本文件（第 {byte} 字节处不是有效的 UTF-8）"
    ),
    "the file is nested too deeply ({depth} levels; at most {limit})": (
        "文件嵌套太深（{depth} 层，最多 {limit} 层）"
    ),
    "the file is nested too deeply (at most {limit})": "文件嵌套太深（最多 {limit} 层）",
    "not valid JSON: {detail} (line {line}, column {column})": (
        "不是有效的 JSON：{detail}（第 {line} 行，第 {column} 列）"
    ),
    "not valid JSON: {detail} (line {line}, column {column}); "
    "the file ends too early (truncated?)": (
        "不是有效的 JSON：{detail}（第 {line} 行，第 {column} 列）；文件提前结束（可能不完整？）"
    ),
    "Expecting value": "此处应为一个值",
    "Expecting ',' delimiter": "此处应为逗号 ','",
    "Expecting ':' delimiter": "此处应为冒号 ':'",
    "Expecting property name enclosed in double quotes": "此处应为用双引号括起的字段名",
    "Extra data": "多余的内容",
    "Unterminated string starting at": "字符串没有结束",
    "Invalid control character at": "无效的控制字符",
    "Illegal trailing comma before end of object": "对象结尾前有多余的逗号",
    "Illegal trailing comma before end of array": "数组结尾前有多余的逗号",
    "a number": "数字",
    "text": "文本",
    "a list": "列表",
    "an object": "对象",
    "scene": "场景",
    "lecture": "讲稿",
    "not an ActExplorer {what}: the file holds {kind}, not an object": (
        "不是 ActExplorer {what}：文件内容是{kind}，而不是对象"
    ),
    "no 'format' field (expected {expected!r})": "缺少 'format' 字段（应为 {expected!r}）",
    "format is {marker!r}: this file is a {other}, not a {what}": (
        "format 为 {marker!r}：这个文件是{other}，不是{what}"
    ),
    "format is {marker}, expected {expected!r}": "format 为 {marker}，应为 {expected!r}",
    "not an ActExplorer {what}: {problem}": "不是 ActExplorer {what}：{problem}",
    "the file gives no version; read as version 1": "文件没有注明版本，按版本 1 读取",
    "version must be a whole number ≥ 0; got {value}": (
        "version 必须是 ≥ 0 的整数（输入为 {value}）"
    ),
    "requires must be a whole number ≥ 0; got {value}": (
        "requires 必须是 ≥ 0 的整数（输入为 {value}）"
    ),
    "this {what} needs a newer ActExplorer: it requires format version {requires}, "
    "this version reads up to {supported}": (
        "这个{what}需要更新的 ActExplorer：它要求格式版本 {requires}，"
        "当前版本最高只能读取 {supported}"
    ),
    "written by a newer ActExplorer (format version {version}); "
    "settings this version does not know are ignored": (
        "由更新的 ActExplorer 写入（格式版本 {version}）；当前版本不认识的设置已忽略"
    ),
    "(the file is format version {version}; this ActExplorer reads up to {supported}: "
    "a newer ActExplorer may open it)": (
        "（文件的格式版本为 {version}；当前 ActExplorer 最高只能读取 {supported}，"
        "更新的 ActExplorer 也许能打开它）"
    ),
    "unknown field, ignored": "未知字段，已忽略",
    "the viewer's choice, not part of a scene; ignored": "这是观看者自己的选择，不属于场景，已忽略",
    "must be an activation key (text); got {kind}": "必须是激活函数的键（文本），实际是{kind}",
    "must be an object of name: value; got {kind}": "必须是“名称: 值”形式的对象，实际是{kind}",
    "must be a list; got {kind}": "必须是列表，实际是{kind}",
    "must be an object with 'kind' and 'params'; got {kind}": (
        "必须是含 'kind' 和 'params' 的对象，实际是{kind}"
    ),
    "must be text; got {kind}": "必须是文本，实际是{kind}",
    "unknown distribution {kind!r} ({choices}){suggestion}": (
        "未知的分布 {kind!r}（可选：{choices}）{suggestion}"
    ),
    "must be an object with 'key' and 'params'; got {kind}": (
        "必须是含 'key' 和 'params' 的对象，实际是{kind}"
    ),
    "is too long ({length} characters; at most {limit})": (
        "太长（{length} 个字符，最多 {limit} 个）"
    ),
    "must be a list of custom functions; got {kind}": "必须是自定义函数的列表，实际是{kind}",
    "at most {limit} custom functions; got {count}": (
        "最多 {limit} 个自定义函数（文件中有 {count} 个）"
    ),
    "{name!r} is defined twice": "{name!r} 被定义了两次",
    "{key} already exists; the existing one is used": "{key} 已经存在，使用现有的定义",
    "missing: a scene needs the explorer's settings": "缺失：场景需要浏览器的设置",
    "must be an object; got {kind}": "必须是对象，实际是{kind}",
    "must be a list of scenes; got {kind}": "必须是场景列表，实际是{kind}",
    "must hold 1 to {limit} scenes; got {count}": (
        "必须包含 1 到 {limit} 个场景（文件中有 {count} 个）"
    ),
    "must be {format!r}": "必须是 {format!r}",
    "custom: the scene uses {names}, which cannot be installed here": (
        "custom：场景用到了 {names}，但这里无法安装"
    ),
    "custom: {name}: {reason}": "custom：{name}：{reason}",
    "custom: {keys} could not be installed": "custom：无法安装 {keys}",
    # -- custom functions (actexplorer.custom_functions) -----------------------------------------
    "a custom function must be a CustomDefinition; got {value!r}": (
        "自定义函数必须是 CustomDefinition（输入为 {value!r}）"
    ),
    "give the function a name": "请给函数起个名字",
    "{name!r} is the name of the built-in function {builtin}; choose another": (
        "{name!r} 是内置函数 {builtin} 的名字，请换一个"
    ),
    "at most {limit} custom functions; delete one first": (
        "最多只能有 {limit} 个自定义函数，请先删除一个"
    ),
    "no custom function {key!r}": "没有自定义函数 {key!r}",
    "saved custom functions unreadable": "无法读取已保存的自定义函数",
    "custom function {label} skipped: {reason}": "已跳过自定义函数 {label}：{reason}",
    "{name}: the derivative takes longer than {seconds} s to build; simplify the expression": (
        "{name}：求导耗时超过 {seconds} 秒，请简化表达式"
    ),
    "{name} was deleted: showing {current} instead": "{name} 已删除，改为显示 {current}",
    "{name} was deleted: showing {current} instead and its pins were removed": (
        "{name} 已删除，改为显示 {current}，并移除了它的固定曲线"
    ),
    # -- parameter animation (actexplorer.animation) ---------------------------------------------
    "the parameter name must be a non-empty string; got {value!r}": (
        "参数名必须是非空文本（输入为 {value!r}）"
    ),
    "the duration": "时长",
    "the duration must lie in [{lo}, {hi}] seconds; got {value}": (
        "时长必须在 [{lo}, {hi}] 秒之间（输入为 {value}）"
    ),
    "choices must be a non-empty sequence of names; got {value!r}": (
        "choices 必须是非空的名称序列（输入为 {value!r}）"
    ),
    "{name} from": "{name} 的起点",
    "{name} to": "{name} 的终点",
    "{name} is a choice: it cannot be swept logarithmically": "{name} 是选项参数，不能按对数扫描",
    "{name} is a choice, not a whole number": "{name} 是选项参数，不是整数",
    "from and to are both {value}: nothing would move": "起点和终点都是 {value}，动画不会变化",
    "{name} must be a whole number; got {value}": "{name} 必须是整数（输入为 {value}）",
    "a logarithmic sweep needs both bounds above 0; got {start} → {stop}": (
        "对数扫描要求起点和终点都大于 0（输入为 {start} → {stop}）"
    ),
    "{what} must be a number; got {value}": "{what} 必须是数字（输入为 {value}）",
    "{what} must be finite; got {value}": "{what} 必须是有限数（输入为 {value}）",
    "the frame count must be a whole number; got {value!r}": "帧数必须是整数（输入为 {value!r}）",
    "the frame count must lie in [2, {limit}]; got {value}": (
        "帧数必须在 [2, {limit}] 范围内（输入为 {value}）"
    ),
    "another custom function is already called {name!r}; choose another name": (
        "已有另一个自定义函数名为 {name!r}，请换一个名字"
    ),
    "{name}: SymPy is still busy with {count} earlier expressions that took too long; "
    "try again when they finish": (
        "{name}：SymPy 仍在处理 {count} 个耗时过长的表达式，请等它们完成后再试"
    ),
    "the scene defines {key} differently from yours: the scene's version is shown as {name!r}": (
        "场景中 {key} 的定义与你的不同：场景中的版本显示为 {name!r}"
    ),
    # -- custom functions' cards and derivatives (actexplorer.core.custom, _custom_symbolic) ------
    "Your own function: {expression}.": "你自己定义的函数：{expression}。",
    "Derivative (symbolic): {derivative}": "导数（符号求导）：{derivative}",
    "cannot differentiate {what}": "无法对 {what} 求导",
    "the expression cannot be written as a formula ({detail})": (
        "无法把该表达式写成公式（{detail}）"
    ),
    "the derivative cannot be built ({detail})": "无法求出导数（{detail}）",
    "cannot evaluate {what} in the derivative": "导数中的 {what} 无法计算",
    # -- the catalog's parameter rules (actexplorer.core.catalog) -----------------------------
    "{lo_name} ({lo}) must be smaller than {hi_name} ({hi})": (
        "{lo_name}（{lo}）必须小于 {hi_name}（{hi}）"
    ),
    "{lo_name} ({lo}) must be at most {hi_name} ({hi})": (
        "{lo_name}（{lo}）不能大于 {hi_name}（{hi}）"
    ),
    # -- the lab's arguments (actexplorer.core.lab) ----------------------------------------------
    "{name} must be an integer; got {value}": "{name} 必须是整数（输入为 {value}）",
    "{name} must lie in {interval}; got {value}": (
        "{name} 必须在 {interval} 范围内（输入为 {value}）"
    ),
    "{name} must be a number; got {value}": "{name} 必须是数字（输入为 {value}）",
    "{name} must be finite; got {value}": "{name} 必须是有限数（输入为 {value}）",
    # -- random inputs and statistics (actexplorer.core.sampling, stats) -------------------------
    "parameter 'high' must be greater than 'low' ({low}); got {high}": (
        "参数 'high' 必须大于 'low'（{low}）（输入为 {high}）"
    ),
    "unknown input distribution {kind!r} (one of {kinds}){hint}": (
        "未知的输入分布 {kind!r}（可选：{kinds}）{hint}"
    ),
    "unknown parameter {name!r} for the {kind} distribution (takes {names}){hint}": (
        "{kind} 分布没有参数 {name!r}（它的参数是 {names}）{hint}"
    ),
    "; did you mean {name!r}?": "；你是不是想输入 {name!r}？",
    "the sample count must be an integer; got {value}": "样本数必须是整数（输入为 {value}）",
    "the sample count must lie in [{lo}, {hi}]; got {value}": (
        "样本数必须在 [{lo}, {hi}] 范围内（输入为 {value}）"
    ),
    "the seed must be a non-negative integer; got {value}": (
        "随机种子必须是非负整数（输入为 {value}）"
    ),
    "{name} must be two finite numbers lo < hi; got {value}": (
        "{name} 必须是两个有限数 lo < hi（输入为 {value}）"
    ),
    "bins must be an integer in [1, {limit}]; got {value}": (
        "bins 必须是 [1, {limit}] 范围内的整数（输入为 {value}）"
    ),
    "saturation_threshold must be a positive number; got {value}": (
        "saturation_threshold 必须是正数（输入为 {value}）"
    ),
    "need a finite mean and std ≥ 0; got mean={mean}, std={std}": (
        "需要有限的均值和 std ≥ 0（输入为 mean={mean}，std={std}）"
    ),
}
