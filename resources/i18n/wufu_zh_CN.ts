<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionsPanel</name>
    <message>
        <source>Close with result…</source>
        <translation>填写结果并销号…</translation>
    </message>
    <message>
        <source>{open} open, {overdue} overdue</source>
        <translation>未完成 {open} 项，其中逾期 {overdue} 项</translation>
    </message>
</context>
<context>
    <name>AgendaEditor</name>
    <message>
        <source>New agenda item</source>
        <translation>新增议题</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>AgendaItemForm</name>
    <message>
        <source>(not recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <source>Where it came from, as printed</source>
        <translation>来源说明（打印在记录上）</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>发言内容</translation>
    </message>
    <message>
        <source>No vote</source>
        <translation>不表决</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>落实事项</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>提议</translation>
    </message>
    <message>
        <source>Resident&apos;s request</source>
        <translation>居民诉求</translation>
    </message>
    <message>
        <source>Earlier action item</source>
        <translation>上次会议事项</translation>
    </message>
    <message>
        <source>Earlier agenda item</source>
        <translation>前序会议议题</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>For</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>反对</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>弃权</translation>
    </message>
    <message>
        <source>Discussion (in the order spoken)</source>
        <translation>讨论发言（按发言顺序）</translation>
    </message>
    <message>
        <source>Add speech</source>
        <translation>添加发言</translation>
    </message>
    <message>
        <source>Remove speech</source>
        <translation>删除发言</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>表决</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>决议</translation>
    </message>
    <message>
        <source>Action items created by the resolution</source>
        <translation>决议形成的落实事项</translation>
    </message>
    <message>
        <source>Action item from the resolution</source>
        <translation>由决议生成事项</translation>
    </message>
    <message>
        <source>Add action item</source>
        <translation>添加事项</translation>
    </message>
    <message>
        <source>Remove action item</source>
        <translation>删除事项</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Due {due}, present {present}: {result}</source>
        <translation>应到 {due} 人，实到 {present} 人：{result}</translation>
    </message>
    <message>
        <source>Done {date}</source>
        <translation>{date} 已完成</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>Amend finalised minutes</source>
        <translation>更正已定稿的会议记录</translation>
    </message>
    <message>
        <source>The minutes of &quot;{title}&quot; are finalised. A correction is recorded with its date, author and reason and printed in the 更正记录 section; the signed text is not changed.</source>
        <translation>“{title}”的会议记录已定稿。更正将连同日期、更正人和原因一并记录，并打印在“更正记录”部分；已签字的原文不作改动。</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Corrected by</source>
        <translation>更正人</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing you typed was saved by half; the details are in the log file.</source>
        <translation>程序出现意外错误。您输入的内容不会只保存一半；详细信息已写入日志文件。</translation>
    </message>
</context>
<context>
    <name>AttendanceEditor</name>
    <message>
        <source>Reason if absent</source>
        <translation>缺席原因</translation>
    </message>
    <message>
        <source>Role or organisation, e.g. 3号楼楼长</source>
        <translation>身份或单位，如 3号楼楼长</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺席</translation>
    </message>
    <message>
        <source>Non-voting (列席)</source>
        <translation>列席</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>Reason absent</source>
        <translation>缺席原因</translation>
    </message>
    <message>
        <source>Role / organisation</source>
        <translation>身份 / 单位</translation>
    </message>
    <message>
        <source>Entered as</source>
        <translation>录入方式</translation>
    </message>
    <message>
        <source>Add person:</source>
        <translation>添加人员：</translation>
    </message>
    <message>
        <source>From the roster</source>
        <translation>来自居民花名册</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>花名册</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>手工填写</translation>
    </message>
    <message>
        <source>Due {due} · present {present} · absent {absent} · non-voting {observers}</source>
        <translation>应到 {due} 人 · 实到 {present} 人 · 缺席 {absent} 人 · 列席 {observers} 人</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Categories and time allowed</source>
        <translation>类别与办理时限</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Days allowed</source>
        <translation>办理时限（天）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>The deadline of a new request is the day it is registered plus these days.</source>
        <translation>新登记诉求的时限＝登记当天加上这里的天数。</translation>
    </message>
</context>
<context>
    <name>ChainDialog</name>
    <message>
        <source>Major matter (四议两公开)</source>
        <translation>重大事项（四议两公开）</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>(not yet)</source>
        <translation>（尚未进行）</translation>
    </message>
    <message>
        <source>Decision posted</source>
        <translation>决议公开</translation>
    </message>
    <message>
        <source>Result posted</source>
        <translation>结果公开</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>ChainsPanel</name>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Decision posted</source>
        <translation>决议公开</translation>
    </message>
    <message>
        <source>Result posted</source>
        <translation>结果公开</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>In order</source>
        <translation>符合要求</translation>
    </message>
    <message>
        <source>New matter…</source>
        <translation>新建事项…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>党组织提议 → 两委会商议 → 党员大会审议 (at least 2/3 of the members due present, more than half of those due agreeing) → 居民(代表)会议决议; the decision and then the result are each posted publicly for at least 7 days.</source>
        <translation>党组织提议 → 两委会商议 → 党员大会审议（应到会党员三分之二以上到会，经应到会党员半数以上同意）→ 居民(代表)会议决议；决议和实施结果分别公开，每次不少于7天。</translation>
    </message>
</context>
<context>
    <name>CheckForm</name>
    <message>
        <source>Home safety check</source>
        <translation>入户安全隐患排查</translation>
    </message>
    <message>
        <source>New home safety check</source>
        <translation>新建入户安全隐患排查</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Volunteers and hours (actual service, no travel)</source>
        <translation>志愿者及服务时长（只计实际服务，不含路途）</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现的隐患</translation>
    </message>
</context>
<context>
    <name>CloseActionDialog</name>
    <message>
        <source>Close action item</source>
        <translation>事项销号</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>落实事项</translation>
    </message>
    <message>
        <source>What was done, e.g. 已施划停车位32个</source>
        <translation>落实情况，如 已施划停车位32个</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>e.g. 2026-11-26</source>
        <translation>例：2026-11-26</translation>
    </message>
    <message>
        <source>Pick from a calendar</source>
        <translation>从日历中选择</translation>
    </message>
    <message>
        <source>Enter a date</source>
        <translation>请填写日期</translation>
    </message>
</context>
<context>
    <name>EditableTable</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search by name, pinyin initials (zxl), ID or phone digits, or address (3-2-401)</source>
        <translation>按姓名、拼音首字母（zxl）、身份证号或电话号码片段、住址（3-2-401）搜索</translation>
    </message>
    <message>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>All residence statuses</source>
        <translation>全部人户状态</translation>
    </message>
    <message>
        <source>All political statuses</source>
        <translation>全部政治面貌</translation>
    </message>
    <message>
        <source>All ages</source>
        <translation>全部年龄</translation>
    </message>
    <message>
        <source>Aged 60 and over</source>
        <translation>60岁以上</translation>
    </message>
    <message>
        <source>Aged 80 and over</source>
        <translation>80岁以上</translation>
    </message>
    <message>
        <source>On the roster</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>已迁出</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <source>Which records to list</source>
        <translation>列出哪些记录</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>共 {count} 人</translation>
    </message>
</context>
<context>
    <name>FindingsTable</name>
    <message>
        <source>Finding</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Put right</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进情况</translation>
    </message>
</context>
<context>
    <name>HomeTab</name>
    <message>
        <source>Wufu Community Workstation</source>
        <translation>五福社区工作台</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>待办提醒</translation>
    </message>
    <message>
        <source>Ledgers</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>No ledgers are installed yet.</source>
        <translation>尚未安装任何台账。</translation>
    </message>
    <message>
        <source>Nothing is waiting.</source>
        <translation>暂无待办事项。</translation>
    </message>
    <message>
        <source>This database holds fictional demo data.</source>
        <translation>当前数据库中是虚构的演示数据。</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
</context>
<context>
    <name>HoursTable</name>
    <message>
        <source>Hours of actual service only, travel not included.</source>
        <translation>只计实际服务时长，不含路途时间。</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import residents from {name}</source>
        <translation>从 {name} 导入居民</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Column in the workbook</source>
        <translation>表格中的列</translation>
    </message>
    <message>
        <source>Skip people already on the roster (same ID number)</source>
        <translation>跳过已在册的人员（身份证号相同）</translation>
    </message>
    <message>
        <source>Update people already on the roster with the filled cells</source>
        <translation>用表格中已填写的内容更新已在册的人员</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>表头所在行</translation>
    </message>
    <message>
        <source>Fields marked * are required. Check that each field found the right column.</source>
        <translation>带 * 的字段为必填。请核对每个字段是否对应了正确的列。</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>{rows} rows below the header row.</source>
        <translation>表头下方共 {rows} 行。</translation>
    </message>
    <message>
        <source>Columns not imported: {headers}.</source>
        <translation>不导入的列：{headers}。</translation>
    </message>
    <message>
        <source>Choose a column for: {fields}</source>
        <translation>请为以下字段选择列：{fields}</translation>
    </message>
    <message>
        <source>Import residents</source>
        <translation>导入居民</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>已取消，未导入任何数据。</translation>
    </message>
    <message>
        <source>Import residents from Excel</source>
        <translation>从 Excel 导入居民</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm *.xls *.ods)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm *.xls *.ods)</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Imported {imported}, not imported {rejected}, duplicates {duplicates}.</source>
        <translation>导入 {imported} 条、未导入 {rejected} 条、重复 {duplicates} 条。</translation>
    </message>
    <message>
        <source>{rows} rows in the file.</source>
        <translation>文件中共有 {rows} 行数据。</translation>
    </message>
    <message>
        <source>{count} residents already on the roster were updated.</source>
        <translation>已更新花名册中已有的居民 {count} 人。</translation>
    </message>
    <message>
        <source>{count} imported rows have something to check.</source>
        <translation>已导入的行中有 {count} 行需要核对。</translation>
    </message>
    <message>
        <source>Every row not imported as it stood is listed with the reason in the report (rows to check or correct first, duplicates on a sheet of their own):
{path}</source>
        <translation>未按原样导入的每一行及原因都列在导入报告中（需核对或更正的行在前，重复的行另列一张工作表）：
{path}</translation>
    </message>
    <message>
        <source>Open the report</source>
        <translation>打开导入报告</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>12345 work order number</source>
        <translation>12345工单号</translation>
    </message>
    <message>
        <source>What the resident asks for, in their words</source>
        <translation>按居民原话记录诉求内容</translation>
    </message>
    <message>
        <source>Solved on the spot</source>
        <translation>当场办结（即办即结）</translation>
    </message>
    <message>
        <source>Unit or person it goes to (optional)</source>
        <translation>交办单位或责任人（可不填）</translation>
    </message>
    <message>
        <source>The answer given (optional)</source>
        <translation>当场答复内容（可不填）</translation>
    </message>
    <message>
        <source>Register (Ctrl+S)</source>
        <translation>登记（Ctrl+S）</translation>
    </message>
    <message>
        <source>Clear (Esc)</source>
        <translation>清空（Esc）</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>诉求人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>交办单位</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>From the roster: {value}</source>
        <translation>花名册：{value}</translation>
    </message>
    <message>
        <source>Pick a resident from the list, or choose anonymous or not on the roster.</source>
        <translation>请从列表中选择居民，或选择“匿名”或“不在花名册”。</translation>
    </message>
    <message>
        <source>Registered {number}: {name}, {category}.</source>
        <translation>已登记 {number}：{name}，{category}。</translation>
    </message>
    <message>
        <source>Clear the form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <source>Discard what was typed?</source>
        <translation>放弃已填写的内容吗？</translation>
    </message>
</context>
<context>
    <name>JobForm</name>
    <message>
        <source>Repair job</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>New repair job</source>
        <translation>新建维修单</translation>
    </message>
    <message>
        <source>(given when saved)</source>
        <translation>（保存时生成）</translation>
    </message>
    <message>
        <source>Empty: the roster&apos;s number</source>
        <translation>留空则用花名册中的号码</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>Gas repairs can only be referred to a licensed gas company; the only outcome is referral (转介).</source>
        <translation>燃气维修只能转介专业单位（燃气公司），结果只能选“转介”。</translation>
    </message>
    <message>
        <source>e.g. 2026-11-28 09:30</source>
        <translation>例如 2026-11-28 09:30</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>— not yet —</source>
        <translation>— 暂无 —</translation>
    </message>
    <message>
        <source>What was done, or to whom it was referred</source>
        <translation>处理情况，或转介给了谁</translation>
    </message>
    <message>
        <source>Job number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <source>Service mode</source>
        <translation>服务方式</translation>
    </message>
    <message>
        <source>Volunteers and hours (actual service, no travel)</source>
        <translation>志愿者及服务时长（只计实际服务，不含路途）</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>From request {number}; saving links the job to it.</source>
        <translation>来自诉求 {number}；保存后维修单与该诉求关联。</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>JobsView</name>
    <message>
        <source>Search number, name, address, item, fault, phone…</source>
        <translation>搜索单号、姓名、地址、物品、故障、电话…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <source>All volunteers</source>
        <translation>全部志愿者</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>New repair job…</source>
        <translation>新建维修单…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Show phone</source>
        <translation>显示电话</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>{shown} shown · {open} not finished</source>
        <translation>显示 {shown} 条 · 未完成 {open} 条</translation>
    </message>
    <message>
        <source>Choose a job in the list to see its steps.</source>
        <translation>在列表中选择一张维修单，查看办理过程。</translation>
    </message>
    <message>
        <source>{number}&#x3000;{name}&#x3000;{address}&#x3000;{item}（{category}）：{fault}&#x3000;Volunteers: {people}&#x3000;Hours: {hours}&#x3000;Materials: {materials}</source>
        <translation>{number}&#x3000;{name}&#x3000;{address}&#x3000;{item}（{category}）：{fault}&#x3000;志愿者：{people}&#x3000;工时：{hours}&#x3000;材料：{materials}</translation>
    </message>
    <message>
        <source>Linked: {label}</source>
        <translation>关联：{label}</translation>
    </message>
    <message>
        <source>Remove {number} ({item})? It is kept, marked as removed, and its hours no longer count.</source>
        <translation>移除 {number}（{item}）？记录仍保留并标记为已移除，其服务时长不再计入。</translation>
    </message>
    <message>
        <source>Remove repair job</source>
        <translation>移除维修单</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>{name}: {phone}
(This look-up is recorded.)</source>
        <translation>{name}：{phone}
（本次查看已记录。）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Wufu Community Workstation</source>
        <translation>五福社区工作台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Back up database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Data location</source>
        <translation>数据位置(&amp;D)</translation>
    </message>
    <message>
        <source>Back up into folder</source>
        <translation>备份到文件夹</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <source>The backup was written to:
{path}</source>
        <translation>备份已写入：
{path}</translation>
    </message>
    <message>
        <source>About Wufu</source>
        <translation>关于五福社区工作台</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Wufu Community Workstation {version}&lt;/h3&gt;&lt;p&gt;Ledgers for community offices, kept offline in one embedded database.&lt;/p&gt;&lt;p&gt;Font: WenQuanYi Micro Hei (Apache-2.0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;五福社区工作台 {version}&lt;/h3&gt;&lt;p&gt;社区居委会台账，离线保存在一个内嵌数据库中。&lt;/p&gt;&lt;p&gt;字体：文泉驿微米黑（Apache-2.0）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Data location</source>
        <translation>数据位置</translation>
    </message>
    <message>
        <source>Database file:
{path}

Backups:
{backups}</source>
        <translation>数据库文件：
{path}

备份文件夹：
{backups}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
</context>
<context>
    <name>MaterialsTable</name>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>付费方式</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <source>Meeting minutes</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>新建会议</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>会议信息</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>Agenda items</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Action items of earlier meetings still open on this meeting&apos;s date: review them and close those that are done.</source>
        <translation>以前会议决定、在本次会议日期仍未完成的事项：逐项评议，已完成的填写结果销号。</translation>
    </message>
    <message>
        <source>Review (定期评事)</source>
        <translation>定期评事</translation>
    </message>
    <message>
        <source>e.g. 第三届第五次</source>
        <translation>如 第三届第五次</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Name of the meeting</source>
        <translation>会议名称</translation>
    </message>
    <message>
        <source>Session (届次)</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Other matters</source>
        <translation>其他事项</translation>
    </message>
    <message>
        <source>Finalised on {date} by {name}. The signed minutes can no longer be edited; use Amend to record a dated correction.</source>
        <translation>已于 {date} 由 {name} 定稿。签字后的会议记录不能再修改；如需更正，请使用“更正”记录一条注明日期的更正。</translation>
    </message>
    <message>
        <source>Write the time like 09:30</source>
        <translation>时间请写成 09:30 这样</translation>
    </message>
    <message>
        <source>Attendance row {n}</source>
        <translation>出席名单第 {n} 行</translation>
    </message>
    <message>
        <source>Agenda item {n}</source>
        <translation>议题{n}</translation>
    </message>
</context>
<context>
    <name>MeetingTables</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Due / present</source>
        <translation>应到 / 实到</translation>
    </message>
    <message>
        <source>Agenda items</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未完成事项</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Finalised</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Done {date}: {result}</source>
        <translation>{date} 已完成：{result}</translation>
    </message>
    <message>
        <source>Open, overdue</source>
        <translation>未完成，已逾期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>决定于</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>落实事项</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
</context>
<context>
    <name>MeetingsExcel</name>
    <message>
        <source>Export meetings to Excel…</source>
        <translation>导出议事记录到 Excel…</translation>
    </message>
    <message>
        <source>Import meetings from Excel…</source>
        <translation>从 Excel 导入议事记录…</translation>
    </message>
    <message>
        <source>meetings-{day}.xlsx</source>
        <translation>议事记录-{day}.xlsx</translation>
    </message>
    <message>
        <source>Export meetings</source>
        <translation>导出议事记录</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Import meetings</source>
        <translation>导入议事记录</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm *.xls *.ods)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm *.xls *.ods)</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，数据未作任何改动。</translation>
    </message>
    <message>
        <source>Exporting meetings…</source>
        <translation>正在导出议事记录…</translation>
    </message>
    <message>
        <source>{count} meeting(s) written to:
{path}</source>
        <translation>已导出 {count} 次会议到：
{path}</translation>
    </message>
    <message>
        <source>{stem} - import report.xlsx</source>
        <translation>{stem} - 导入报告.xlsx</translation>
    </message>
    <message>
        <source>Importing meetings…</source>
        <translation>正在导入议事记录…</translation>
    </message>
    <message>
        <source>The report with every rejected or duplicate row is at:
{path}</source>
        <translation>被拒绝和重复的每一行及原因见报告：
{path}</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <source>Action items decided at meetings and not yet done, oldest deadline first. Close one when it is done.</source>
        <translation>各次会议决定、尚未完成的事项，按完成时限先后排列。完成后填写结果销号。</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Search agenda items, resolutions, speeches…</source>
        <translation>搜索议题、决议、发言…</translation>
    </message>
    <message>
        <source>New meeting…</source>
        <translation>新建会议…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>With sign-in sheet</source>
        <translation>附签到表</translation>
    </message>
    <message>
        <source>Finalise…</source>
        <translation>定稿…</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Meeting list</source>
        <translation>会议列表</translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation>未完成的决议事项</translation>
    </message>
    <message>
        <source>Major matters (四议两公开)</source>
        <translation>四议两公开</translation>
    </message>
    <message>
        <source>{count} meeting(s)</source>
        <translation>共 {count} 次会议</translation>
    </message>
    <message>
        <source>Remove meeting</source>
        <translation>删除会议</translation>
    </message>
    <message>
        <source>Remove the draft minutes &quot;{title}&quot;? They are marked removed, not erased.</source>
        <translation>删除会议记录草稿“{title}”？记录将标记为已删除，不会被抹去。</translation>
    </message>
    <message>
        <source>Finalise minutes</source>
        <translation>会议记录定稿</translation>
    </message>
    <message>
        <source>Have the chair and the recorder signed the printed minutes of &quot;{title}&quot;? Once finalised they can no longer be edited; corrections are recorded as dated amendments.</source>
        <translation>“{title}”的打印稿主持人和记录人都已签字了吗？定稿后不能再修改，更正将作为注明日期的更正记录保存。</translation>
    </message>
    <message>
        <source>Export minutes as PDF</source>
        <translation>导出会议记录 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the minutes…</source>
        <translation>正在生成会议记录…</translation>
    </message>
</context>
<context>
    <name>MinutesPrinter</name>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
</context>
<context>
    <name>MoveOutDialog</name>
    <message>
        <source>Moved out or deceased: {name}</source>
        <translation>迁出或死亡：{name}</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>迁出</translation>
    </message>
    <message>
        <source>Died</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>e.g. moved to 阅海 compound</source>
        <translation>例：迁往阅海小区</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The person leaves the active roster; the record and its history stay.</source>
        <translation>此人将移出在册名单；档案及其历史记录仍予保留。</translation>
    </message>
</context>
<context>
    <name>RepairsTab</name>
    <message>
        <source>Repair jobs</source>
        <translation>维修登记</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Home safety checks</source>
        <translation>安全隐患排查</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Export repair jobs to Excel…</source>
        <translation>导出维修登记到 Excel…</translation>
    </message>
    <message>
        <source>Export volunteers with hours to Excel…</source>
        <translation>导出志愿者服务时长到 Excel…</translation>
    </message>
    <message>
        <source>Monthly repair register (PDF)…</source>
        <translation>月度维修登记簿（PDF）…</translation>
    </message>
    <message>
        <source>Import an old repair ledger from Excel…</source>
        <translation>从 Excel 导入旧维修台账…</translation>
    </message>
    <message>
        <source>New repair job</source>
        <translation>新建维修单</translation>
    </message>
    <message>
        <source>Import an old repair ledger</source>
        <translation>导入旧维修台账</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm *.xls *.ods)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm *.xls *.ods)</translation>
    </message>
    <message>
        <source>Monthly repair register</source>
        <translation>月度维修登记簿</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，数据未作任何改动。</translation>
    </message>
    <message>
        <source>Export repair jobs</source>
        <translation>导出维修登记</translation>
    </message>
    <message>
        <source>repairs-{day}.xlsx</source>
        <translation>维修登记-{day}.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting repair jobs…</source>
        <translation>正在导出维修登记…</translation>
    </message>
    <message>
        <source>{count} repair job(s) written to:
{path}</source>
        <translation>已导出 {count} 张维修单到：
{path}</translation>
    </message>
    <message>
        <source>Export volunteers</source>
        <translation>导出志愿者</translation>
    </message>
    <message>
        <source>volunteers-{day}.xlsx</source>
        <translation>志愿者服务时长-{day}.xlsx</translation>
    </message>
    <message>
        <source>Exporting volunteers…</source>
        <translation>正在导出志愿者…</translation>
    </message>
    <message>
        <source>{count} volunteer(s) written to:
{path}</source>
        <translation>已导出 {count} 名志愿者到：
{path}</translation>
    </message>
    <message>
        <source>repair-register-{year}-{month:02d}.pdf</source>
        <translation>维修登记簿-{year}-{month:02d}.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the repair register…</source>
        <translation>正在生成维修登记簿…</translation>
    </message>
    <message>
        <source>{count} job(s) written to:
{path}</source>
        <translation>已写入 {count} 张维修单：
{path}</translation>
    </message>
    <message>
        <source>Importing repair jobs…</source>
        <translation>正在导入维修台账…</translation>
    </message>
    <message>
        <source>{stem} - import report.xlsx</source>
        <translation>{stem} - 导入报告.xlsx</translation>
    </message>
    <message>
        <source>The report with every row is at:
{path}</source>
        <translation>逐行导入报告见：
{path}</translation>
    </message>
</context>
<context>
    <name>RepairsTable</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Job number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Volunteer number</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation>维修次数</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>排查次数</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Check number</source>
        <translation>排查编号</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现的隐患</translation>
    </message>
    <message>
        <source>Most serious</source>
        <translation>最高等级</translation>
    </message>
    <message>
        <source>Not put right</source>
        <translation>未整改</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>Put right</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进情况</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
</context>
<context>
    <name>RequestDetailPanel</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the full phone number (recorded in the audit log)</source>
        <translation>显示完整电话号码（将记入审计日志）</translation>
    </message>
    <message>
        <source>To repair team…</source>
        <translation>转维修…</translation>
    </message>
    <message>
        <source>Open a repair job prefilled from this request</source>
        <translation>按此诉求新建维修登记</translation>
    </message>
    <message>
        <source>To a meeting…</source>
        <translation>提交议事…</translation>
    </message>
    <message>
        <source>Put this request on the agenda of a new deliberation meeting</source>
        <translation>将此诉求列入新议事会议的议题</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>诉求人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>受理人</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>交办单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Finished at</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <source>Follow-up visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>办理情况</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <source>Linked records</source>
        <translation>关联记录</translation>
    </message>
    <message>
        <source>Choose a request in the list to see its details.</source>
        <translation>在列表中选择一条诉求查看详情。</translation>
    </message>
    <message>
        <source>{days} d overdue</source>
        <translation>超期 {days} 天</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>（已移除）</translation>
    </message>
    <message>
        <source> (roster: {name})</source>
        <translation>（花名册：{name}）</translation>
    </message>
    <message>
        <source> (on the roster)</source>
        <translation>（花名册居民）</translation>
    </message>
    <message>
        <source>to {assignee}</source>
        <translation>交 {assignee}</translation>
    </message>
    <message>
        <source>deadline {date}</source>
        <translation>时限 {date}</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Remove request</source>
        <translation>移除诉求</translation>
    </message>
    <message>
        <source>Mark request {number} as removed? It stays in the database with who removed it and when.</source>
        <translation>将诉求 {number} 标记为已移除？记录仍保留在数据库中，并注明移除人和时间。</translation>
    </message>
</context>
<context>
    <name>RequestTable</name>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>{days} day(s) past the deadline</source>
        <translation>超过时限 {days} 天</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Registered at</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>诉求人</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>交办单位</translation>
    </message>
    <message>
        <source>Follow-up visit</source>
        <translation>回访</translation>
    </message>
</context>
<context>
    <name>RequestsTab</name>
    <message>
        <source>Search number, name, phone, address, content…</source>
        <translation>搜索编号、姓名、电话、地址、内容…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看超期</translation>
    </message>
    <message>
        <source>Monthly statistics…</source>
        <translation>月度统计…</translation>
    </message>
    <message>
        <source>Categories…</source>
        <translation>类别与时限…</translation>
    </message>
    <message>
        <source>Request categories and the days each one allows</source>
        <translation>诉求类别及各类别的办理时限</translation>
    </message>
    <message>
        <source>Register a request</source>
        <translation>来访登记</translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Export requests to Excel…</source>
        <translation>导出诉求到 Excel…</translation>
    </message>
    <message>
        <source>Import requests from Excel…</source>
        <translation>从 Excel 导入诉求…</translation>
    </message>
    <message>
        <source>{shown} shown · {overdue} overdue</source>
        <translation>显示 {shown} 条 · 超期 {overdue} 条</translation>
    </message>
    <message>
        <source>requests-{day}.xlsx</source>
        <translation>来访登记-{day}.xlsx</translation>
    </message>
    <message>
        <source>Export requests</source>
        <translation>导出诉求</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Import requests</source>
        <translation>导入诉求</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm *.xls *.ods)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm *.xls *.ods)</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，数据未作任何改动。</translation>
    </message>
    <message>
        <source>Exporting requests…</source>
        <translation>正在导出诉求…</translation>
    </message>
    <message>
        <source>{count} request(s) written to:
{path}</source>
        <translation>已导出 {count} 条诉求到：
{path}</translation>
    </message>
    <message>
        <source>Importing requests…</source>
        <translation>正在导入诉求…</translation>
    </message>
    <message>
        <source>{stem} - import report.xlsx</source>
        <translation>{stem} - 导入报告.xlsx</translation>
    </message>
    <message>
        <source>The report with every row is at:
{path}</source>
        <translation>逐行导入报告见：
{path}</translation>
    </message>
</context>
<context>
    <name>ResidentFields</name>
    <message>
        <source>Show full number</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>18 characters; birth date and sex follow from it</source>
        <translation>18位；出生日期和性别据此自动填写</translation>
    </message>
    <message>
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>Several numbers separated by 、</source>
        <translation>多个号码用“、”分隔</translation>
    </message>
    <message>
        <source>3-2-401 or 3号楼2单元401室</source>
        <translation>3-2-401 或 3号楼2单元401室</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Former name</source>
        <translation>曾用名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Home and household</source>
        <translation>住址与户籍</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>现居住地址</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>所属网格</translation>
    </message>
    <message>
        <source>Household number</source>
        <translation>户编号</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Registered address</source>
        <translation>户籍地址</translation>
    </message>
    <message>
        <source>Residence status</source>
        <translation>人户状态</translation>
    </message>
    <message>
        <source>Resident type</source>
        <translation>人员类型</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>婚姻状况</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Special groups</source>
        <translation>特殊人群</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>ResidentForm</name>
    <message>
        <source>Not yet saved</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>Removed on {date} by {who}</source>
        <translation>已于 {date} 由 {who} 移除</translation>
    </message>
    <message>
        <source>Moved out on {date}</source>
        <translation>已于 {date} 迁出</translation>
    </message>
    <message>
        <source>Deceased on {date}</source>
        <translation>已于 {date} 去世</translation>
    </message>
    <message>
        <source>On the roster</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>{age} yrs</source>
        <translation>{age}岁</translation>
    </message>
    <message>
        <source>moved out</source>
        <translation>已迁出</translation>
    </message>
    <message>
        <source>deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <source>Open the person already registered</source>
        <translation>打开已登记的人员</translation>
    </message>
    <message>
        <source>Others in the household</source>
        <translation>同户其他成员</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Others in household {number}</source>
        <translation>户 {number} 的其他成员</translation>
    </message>
    <message>
        <source>New resident</source>
        <translation>新增居民</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ResidentPicker</name>
    <message>
        <source>Name, pinyin initials, phone or 3-2-401</source>
        <translation>姓名、拼音首字母、电话或 3-2-401</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Not on the roster: register as &quot;{name}&quot;</source>
        <translation>不在花名册：按“{name}”登记</translation>
    </message>
    <message>
        <source>Anonymous (no name given)</source>
        <translation>匿名（不留姓名）</translation>
    </message>
</context>
<context>
    <name>ResidentsDialogs</name>
    <message>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <source>The form has changes that were not saved. Discard them?</source>
        <translation>表单中有尚未保存的修改，确定放弃吗？</translation>
    </message>
    <message>
        <source>Remove {name} from the roster? The record is kept and marked removed (who and when); it can be restored from the Removed list.</source>
        <translation>确定将 {name} 从花名册中移除吗？档案不会删除，只标记为已移除（记录操作人和时间），可在“已移除”列表中恢复。</translation>
    </message>
    <message>
        <source>Remove from the roster</source>
        <translation>从花名册移除</translation>
    </message>
    <message>
        <source>Export {count} residents with their full ID and phone numbers? Do this only when the office needs the full numbers; the export is recorded in the audit log (who, when, how many, where).</source>
        <translation>导出 {count} 人的完整身份证号和电话号码？请仅在工作确需完整号码时这样做；此次导出将记入审计日志（操作人、时间、人数、保存位置）。</translation>
    </message>
    <message>
        <source>Full numbers</source>
        <translation>完整号码</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>打开文件</translation>
    </message>
</context>
<context>
    <name>ResidentsTab</name>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Moved out / deceased…</source>
        <translation>迁出/死亡…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>New resident</source>
        <translation>新增居民</translation>
    </message>
    <message>
        <source>Import / export</source>
        <translation>导入/导出</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
</context>
<context>
    <name>ResidentsTable</name>
    <message>
        <source>{date} (age {age})</source>
        <translation>{date}（{age}岁）</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <source>Moved out {date}</source>
        <translation>已迁出 {date}</translation>
    </message>
    <message>
        <source>Deceased {date}</source>
        <translation>已故 {date}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date / age</source>
        <translation>出生日期/年龄</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Residence status</source>
        <translation>人户状态</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>ResidentsTransfer</name>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Export Excel with full ID and phone numbers…</source>
        <translation>导出 Excel（含完整身份证号和电话）…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export PDF by building…</source>
        <translation>导出 PDF（按楼栋分组）…</translation>
    </message>
    <message>
        <source>Import Excel…</source>
        <translation>导入 Excel…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何内容。</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>resident roster {date}</source>
        <translation>居民花名册-{date}</translation>
    </message>
    <message>
        <source>Export residents to Excel</source>
        <translation>将居民导出为 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting {count} residents…</source>
        <translation>正在导出 {count} 人…</translation>
    </message>
    <message>
        <source>Export residents to PDF</source>
        <translation>将居民导出为 PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Exported {count} residents to:
{path}</source>
        <translation>已导出 {count} 人到：
{path}</translation>
    </message>
    <message>
        <source>Export written</source>
        <translation>导出完成</translation>
    </message>
</context>
<context>
    <name>SafetyView</name>
    <message>
        <source>Search number, name, address…</source>
        <translation>搜索编号、姓名、地址…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Only with hazards not put right</source>
        <translation>只看有未整改隐患的</translation>
    </message>
    <message>
        <source>New check…</source>
        <translation>新建排查…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Turn into a request (转为诉求)</source>
        <translation>转为诉求</translation>
    </message>
    <message>
        <source>A serious finding (较大, 重大) becomes a walk-in request, linked both ways.</source>
        <translation>较大、重大隐患可转为诉求，两边互相关联。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>{count} checks · {findings} findings · {serious} serious ones not put right or escalated</source>
        <translation>排查 {count} 户 · 隐患 {findings} 处 · 未整改且未转诉求的较大/重大隐患 {serious} 处</translation>
    </message>
    <message>
        <source>Linked: {label}</source>
        <translation>关联：{label}</translation>
    </message>
    <message>
        <source>Remove check</source>
        <translation>移除排查记录</translation>
    </message>
    <message>
        <source>Remove the check {number}? It is kept, marked as removed.</source>
        <translation>移除排查记录 {number}？记录仍保留并标记为已移除。</translation>
    </message>
    <message>
        <source>Turn into a request</source>
        <translation>转为诉求</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>&amp;Operator name:</source>
        <translation>操作人姓名(&amp;O)：</translation>
    </message>
    <message>
        <source>A new language is used from the next start.</source>
        <translation>新的界面语言在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Empty database</source>
        <translation>空数据库</translation>
    </message>
    <message>
        <source>This database is empty. Load fictional demo data (the Futong community of the story) to look around?
Demo data is marked as such; start a new database for real work.</source>
        <translation>数据库是空的。是否载入虚构的演示数据（故事中的福通社区）先看一看？
演示数据会标明“演示”；正式工作请另建新数据库。</translation>
    </message>
    <message>
        <source>Loading demo data…</source>
        <translation>正在载入演示数据…</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <source>Monthly statistics of requests</source>
        <translation>诉求月度统计</translation>
    </message>
    <message>
        <source>{year}-{month:02d}</source>
        <translation>{year}年{month:02d}月</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>按渠道</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>Requests registered in the month; on time = finished by the deadline day; satisfied = 满意 or 基本满意 at the latest follow-up.</source>
        <translation>统计当月登记的诉求；按时办结＝在时限当天或之前办结；满意＝最近一次回访为满意或基本满意。</translation>
    </message>
    <message>
        <source>Requests registered</source>
        <translation>登记诉求</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时办结</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Open and overdue</source>
        <translation>未办结且超期</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <source>Volunteer number</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation>维修次数</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>排查次数</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Repairs by category and outcome</source>
        <translation>维修按类别和结果统计</translation>
    </message>
    <message>
        <source>Volunteer hours (actual service)</source>
        <translation>志愿服务时长（实际服务）</translation>
    </message>
    <message>
        <source>Home safety checks</source>
        <translation>安全隐患排查</translation>
    </message>
    <message>
        <source>{year}-{month:02d}</source>
        <translation>{year}年{month:02d}月</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>{jobs} repair jobs · fixed {fixed} of {finished} finished (fix rate {rate}) · {hours} volunteer hours · {checks} safety checks</source>
        <translation>维修 {jobs} 单 · 完成 {finished} 单中修好 {fixed} 单（修复率 {rate}）· 志愿服务 {hours} 小时 · 安全排查 {checks} 户</translation>
    </message>
    <message>
        <source>{checks} checks, {findings} findings ({severities}); {open} not put right yet; {escalated} turned into requests.</source>
        <translation>排查 {checks} 户，发现隐患 {findings} 处（{severities}）；尚未整改 {open} 处；转为诉求 {escalated} 处。</translation>
    </message>
    <message>
        <source>Not finished yet</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>{step}: {number}</source>
        <translation>{step}：{number}</translation>
    </message>
    <message>
        <source>e.g. 2026-11-28 09:30</source>
        <translation>例如 2026-11-28 09:30</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <source>To whom (e.g. the gas company)</source>
        <translation>转介给谁（例如燃气公司）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>交办单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Follow-up result</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <source>Note (required)</source>
        <translation>说明（必填）</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>议事记录</translation>
    </message>
    <message>
        <source>Repair team</source>
        <translation>维修服务队</translation>
    </message>
    <message>
        <source>Walk-in requests</source>
        <translation>来访登记</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>居民花名册</translation>
    </message>
</context>
<context>
    <name>TagPicker</name>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>{name} (sensitive)</source>
        <translation>{name}（敏感）</translation>
    </message>
    <message>
        <source>Sensitive personal information: tick only what the office needs to know</source>
        <translation>敏感个人信息：只勾选工作确需掌握的内容</translation>
    </message>
</context>
<context>
    <name>VolunteerForm</name>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>New volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <source>Given when saved, e.g. ZY-0013</source>
        <translation>保存时生成，例如 ZY-0013</translation>
    </message>
    <message>
        <source>Other skills, separated by 、</source>
        <translation>其他技能，用“、”分隔</translation>
    </message>
    <message>
        <source>Active (takes jobs)</source>
        <translation>在岗（可接单）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Volunteer number</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>VolunteersView</name>
    <message>
        <source>Search name, number, skill, phone…</source>
        <translation>搜索姓名、编号、技能、电话…</translation>
    </message>
    <message>
        <source>Show inactive</source>
        <translation>显示已停用</translation>
    </message>
    <message>
        <source>New volunteer…</source>
        <translation>新增志愿者…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Set inactive</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Show phone</source>
        <translation>显示电话</translation>
    </message>
    <message>
        <source>Service certificate (PDF)…</source>
        <translation>志愿服务证明（PDF）…</translation>
    </message>
    <message>
        <source>Hours from</source>
        <translation>服务时长统计：</translation>
    </message>
    <message>
        <source>{count} volunteers · {hours} hours in the period</source>
        <translation>志愿者 {count} 名 · 期间服务 {hours} 小时</translation>
    </message>
    <message>
        <source>Set active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>{name}: {phone}
(This look-up is recorded.)</source>
        <translation>{name}：{phone}
（本次查看已记录。）</translation>
    </message>
    <message>
        <source>certificate-{number}-{name}.pdf</source>
        <translation>志愿服务证明-{number}-{name}.pdf</translation>
    </message>
    <message>
        <source>Service certificate</source>
        <translation>志愿服务证明</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the certificate…</source>
        <translation>正在生成志愿服务证明…</translation>
    </message>
    <message>
        <source>Certificate for {name}: {hours} hours, written to:
{path}</source>
        <translation>{name} 的志愿服务证明（{hours} 小时）已保存到：
{path}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Database ready: {path}</source>
        <translation>数据库已就绪：{path}</translation>
    </message>
    <message>
        <source>{count} problem(s) found in {path}:</source>
        <translation>在 {path} 中发现 {count} 个问题：</translation>
    </message>
    <message>
        <source>No problems found: {path}</source>
        <translation>未发现问题：{path}</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>备份已写入：{path}</translation>
    </message>
    <message>
        <source>Wufu community office workstation: administration commands.</source>
        <translation>五福社区工作台：管理命令。</translation>
    </message>
    <message>
        <source>database file (default: WUFU_DB or the user data folder)</source>
        <translation>数据库文件（默认：环境变量 WUFU_DB 或用户数据文件夹）</translation>
    </message>
    <message>
        <source>name recorded in the audit log (default: the login name)</source>
        <translation>记入审计日志的操作人（默认：登录名）</translation>
    </message>
    <message>
        <source>language of messages</source>
        <translation>提示信息的语言</translation>
    </message>
    <message>
        <source>create or upgrade the database</source>
        <translation>创建或升级数据库</translation>
    </message>
    <message>
        <source>integrity, foreign-key and consistency checks; exit 1 on any problem</source>
        <translation>完整性、外键和一致性检查；有问题时退出码为 1</translation>
    </message>
    <message>
        <source>online backup into a dated file</source>
        <translation>在线备份到带日期的文件</translation>
    </message>
    <message>
        <source>backup folder (default: beside the database)</source>
        <translation>备份文件夹（默认：数据库旁边）</translation>
    </message>
    <message>
        <source>keep only the newest N backups</source>
        <translation>只保留最新的 N 个备份</translation>
    </message>
    <message>
        <source>fill an empty database with fictional demo data</source>
        <translation>向空数据库填入虚构的演示数据</translation>
    </message>
    <message>
        <source>import records from an Excel workbook</source>
        <translation>从 Excel 工作簿导入记录</translation>
    </message>
    <message>
        <source>write every rejected or duplicate row with its reason to this workbook</source>
        <translation>把每一条未导入或重复的行及原因写入此工作簿</translation>
    </message>
    <message>
        <source>worksheet to read (default: the first with a recognisable header)</source>
        <translation>要读取的工作表（默认：第一个能识别表头的工作表）</translation>
    </message>
    <message>
        <source>what to do with rows already in the database</source>
        <translation>数据库中已有的记录如何处理</translation>
    </message>
    <message>
        <source>export records to Excel or PDF</source>
        <translation>导出记录为 Excel 或 PDF</translation>
    </message>
    <message>
        <source>full ID and phone numbers instead of masked ones (audited)</source>
        <translation>导出完整的身份证号和电话号码而不是脱敏号码（记入审计）</translation>
    </message>
    <message>
        <source>only records matching this search</source>
        <translation>只导出符合此搜索条件的记录</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，数据未作任何改动。</translation>
    </message>
    <message>
        <source>Interrupted; nothing was changed.</source>
        <translation>已中断，数据未作任何改动。</translation>
    </message>
    <message>
        <source>The folder for the database does not exist: {folder}</source>
        <translation>数据库所在的文件夹不存在：{folder}</translation>
    </message>
    <message>
        <source>The folder of the database cannot be written to: {folder}</source>
        <translation>数据库所在的文件夹不可写：{folder}</translation>
    </message>
    <message>
        <source>The database file is read-only: {path}</source>
        <translation>数据库文件是只读的：{path}</translation>
    </message>
    <message>
        <source>This file is not a Wufu database (it is not an SQLite file): {path}. It was left untouched.</source>
        <translation>此文件不是五福数据库（不是 SQLite 文件）：{path}。文件未被改动。</translation>
    </message>
    <message>
        <source>The database file is damaged: {path}. It was left untouched; restore it from a backup.</source>
        <translation>数据库文件已损坏：{path}。文件未被改动，请从备份恢复。</translation>
    </message>
    <message>
        <source>The database is busy: another copy of Wufu is writing to it. Try again in a moment; nothing was changed.</source>
        <translation>数据库正忙：另一个五福社区工作台正在写入。请稍后再试；数据未作任何改动。</translation>
    </message>
    <message>
        <source>This database was made by a newer version of Wufu (schema {detail}). Install the newer version; this one will not change the file.</source>
        <translation>此数据库由更新版本的五福社区工作台创建（结构版本 {detail}）。请安装新版本；当前版本不会改动该文件。</translation>
    </message>
    <message>
        <source>This SQLite file belongs to another program (tables: {detail}). It was left untouched.</source>
        <translation>此 SQLite 文件属于其他程序（数据表：{detail}）。文件未被改动。</translation>
    </message>
    <message>
        <source>The database cannot be opened: {path}</source>
        <translation>无法打开数据库：{path}</translation>
    </message>
    <message>
        <source>The database already holds records; demo data only goes into an empty database.</source>
        <translation>数据库中已有记录；演示数据只能载入空数据库。</translation>
    </message>
    <message>
        <source>{name} is not an Excel workbook.</source>
        <translation>{name} 不是 Excel 工作簿。</translation>
    </message>
    <message>
        <source>The file {name} is damaged and cannot be read.</source>
        <translation>文件 {name} 已损坏，无法读取。</translation>
    </message>
    <message>
        <source>The workbook {name} is password-protected. Remove the password in Excel and save it again, then import it.</source>
        <translation>工作簿 {name} 设有密码保护。请在 Excel 中取消密码并重新保存后再导入。</translation>
    </message>
    <message>
        <source>The file {name} cannot be opened. Close it in other programs and check that you are allowed to read it.</source>
        <translation>无法打开文件 {name}。请在其他程序中关闭该文件，并确认您有读取权限。</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>{path} is not a file.</source>
        <translation>{path} 不是文件。</translation>
    </message>
    <message>
        <source>The file {name} is {size} MB; files over {limit} MB cannot be imported.</source>
        <translation>文件 {name} 大小为 {size} MB，超过 {limit} MB 的文件无法导入。</translation>
    </message>
    <message>
        <source>{name} contains XML declarations that a workbook never needs (DOCTYPE or ENTITY) and was refused for safety.</source>
        <translation>{name} 含有工作簿不应有的 XML 声明（DOCTYPE 或 ENTITY），为安全起见已拒绝导入。</translation>
    </message>
    <message>
        <source>{name} would expand to an unreasonably large size when opened (it looks like a zip bomb) and was refused for safety.</source>
        <translation>{name} 解压后体积异常巨大（疑似压缩炸弹），为安全起见已拒绝导入。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Cannot save in the folder {folder}; check that you are allowed to write there.</source>
        <translation>无法保存到文件夹 {folder}，请确认您有写入权限。</translation>
    </message>
    <message>
        <source>Cannot replace {name}: it is open in Excel or another program, or it is read-only. Close it and try again.</source>
        <translation>无法覆盖 {name}：该文件正在 Excel 或其他程序中打开，或为只读文件。请关闭后重试。</translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}</source>
        <translation>无法保存 {name}：{reason}</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <source>Cannot create the backup folder {folder}: {reason}</source>
        <translation>无法创建备份文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <source>The disk is full: the backup was not written and nothing was changed. Free some space in {folder} and try again.</source>
        <translation>磁盘已满：备份没有写入，数据未作任何改动。请清理 {folder} 所在磁盘的空间后重试。</translation>
    </message>
    <message>
        <source>The backup could not be written to {folder}: {reason}</source>
        <translation>无法将备份写入 {folder}：{reason}</translation>
    </message>
    <message>
        <source>The backup failed: {reason}</source>
        <translation>备份失败：{reason}</translation>
    </message>
    <message>
        <source>Integrity: {detail}</source>
        <translation>完整性：{detail}</translation>
    </message>
    <message>
        <source>Table {table} row {rowid} points to a missing row in {parent}</source>
        <translation>数据表 {table} 第 {rowid} 行引用了 {parent} 中不存在的记录</translation>
    </message>
    <message>
        <source>The schema is at {current}, this version expects {head}: run init to upgrade.</source>
        <translation>数据库结构版本为 {current}，本程序需要 {head}：请运行 init 升级。</translation>
    </message>
    <message>
        <source>Date is empty</source>
        <translation>日期为空</translation>
    </message>
    <message>
        <source>Date {value} does not exist</source>
        <translation>日期{value}不存在</translation>
    </message>
    <message>
        <source>Date {value} is not in a form we can read; write it like 1950-03-05</source>
        <translation>无法识别日期{value}，请按1950-03-05的格式填写</translation>
    </message>
    <message>
        <source>Date {value} is incomplete: the month or day is missing</source>
        <translation>日期{value}不完整，缺少月或日</translation>
    </message>
    <message>
        <source>Date {value} was stored by Excel as a number, so January and October look the same; format the column as text and type it again</source>
        <translation>日期{value}被Excel存成了数字，无法区分1月和10月；请将该列设为文本格式后重新录入</translation>
    </message>
    <message>
        <source>ID number: the check character is wrong, it should be {expected}</source>
        <translation>公民身份号码校验位错误，应为{expected}</translation>
    </message>
    <message>
        <source>ID number was stored by Excel as a number and has lost its last digits; format the column as text and type the number again</source>
        <translation>公民身份号码被Excel存成了数字，末几位已丢失；请将该列设为文本格式后重新录入</translation>
    </message>
    <message>
        <source>ID number is empty</source>
        <translation>公民身份号码为空</translation>
    </message>
    <message>
        <source>ID number may contain only digits and a final X; found: {chars}</source>
        <translation>公民身份号码只能由数字和末位X组成，发现非法字符：{chars}</translation>
    </message>
    <message>
        <source>ID number has 15 digits: this is the old 15-digit form, enter the current 18-digit number</source>
        <translation>公民身份号码为15位，是旧版号码，请填写现行的18位号码</translation>
    </message>
    <message>
        <source>ID number must have 18 characters; this one has {n}</source>
        <translation>公民身份号码应为18位，当前为{n}位</translation>
    </message>
    <message>
        <source>ID number: the birth date {digits} in it is not a real date</source>
        <translation>公民身份号码中的出生日期{digits}不是有效日期</translation>
    </message>
    <message>
        <source>ID number: the birth date {date} in it is in the future</source>
        <translation>公民身份号码中的出生日期{date}晚于今天</translation>
    </message>
    <message>
        <source>Phone number is empty</source>
        <translation>联系电话为空</translation>
    </message>
    <message>
        <source>Phone number {value} contains characters other than digits</source>
        <translation>联系电话{value}含有数字以外的字符</translation>
    </message>
    <message>
        <source>Mobile number {value} has {n} digits; it should have 11</source>
        <translation>联系电话中的手机号码{value}为{n}位，应为11位</translation>
    </message>
    <message>
        <source>Mobile number {value} should start with 13 to 19</source>
        <translation>联系电话中的手机号码{value}应以13至19开头</translation>
    </message>
    <message>
        <source>Landline number {value}: after the area code there should be 7 or 8 digits</source>
        <translation>联系电话中的固定电话{value}区号后应为7至8位号码</translation>
    </message>
    <message>
        <source>Phone number {value} is neither a mobile number (11 digits starting with 13 to 19) nor a landline (area code and 7 to 8 digits)</source>
        <translation>联系电话{value}既不是手机号码（以13至19开头的11位数字），也不是固定电话（区号加7至8位号码）</translation>
    </message>
    <message>
        <source>Landline number {value} has no area code</source>
        <translation>联系电话中的固定电话{value}缺少区号</translation>
    </message>
    <message>
        <source>The workbook {name} has no worksheets.</source>
        <translation>工作簿 {name} 中没有工作表。</translation>
    </message>
    <message>
        <source>The workbook has no sheet named &quot;{sheet}&quot;.</source>
        <translation>工作簿中没有名为“{sheet}”的工作表。</translation>
    </message>
    <message>
        <source>Row {row} is outside the sheet &quot;{sheet}&quot;, which has {rows} rows.</source>
        <translation>第 {row} 行超出了工作表“{sheet}”的范围（该表共 {rows} 行）。</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Repair job</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Safety check</source>
        <translation>安全隐患排查</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Public-works project</source>
        <translation>民生实事项目</translation>
    </message>
    <message>
        <source>A record cannot be linked to itself.</source>
        <translation>记录不能关联到自身。</translation>
    </message>
    <message>
        <source>Describe what was done.</source>
        <translation>请填写落实情况。</translation>
    </message>
    <message>
        <source>Enter the date it was done.</source>
        <translation>请填写完成日期。</translation>
    </message>
    <message>
        <source>Action item {id} does not exist.</source>
        <translation>事项 {id} 不存在。</translation>
    </message>
    <message>
        <source>This action item was already closed on {date}.</source>
        <translation>该事项已于 {date} 销号。</translation>
    </message>
    <message>
        <source>It cannot be done before the meeting that decided it ({date}).</source>
        <translation>完成日期不能早于作出决定的会议（{date}）。</translation>
    </message>
    <message>
        <source>Enter when the {notice} was posted.</source>
        <translation>请填写{notice}的开始日期。</translation>
    </message>
    <message>
        <source>The {notice} cannot end before it starts.</source>
        <translation>{notice}的结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>The {notice} lasted {days} days; it must be posted for at least {minimum} days.</source>
        <translation>{notice}只公示了 {days} 天，公示期不得少于 {minimum} 天。</translation>
    </message>
    <message>
        <source>This agenda item does not exist.</source>
        <translation>该议题不存在。</translation>
    </message>
    <message>
        <source>{stage} is held at a {kinds}, not at a {kind}.</source>
        <translation>{stage}应在{kinds}上进行，不能在{kind}上进行。</translation>
    </message>
    <message>
        <source>{stage} cannot come before the stage above it.</source>
        <translation>{stage}不能早于上一环节。</translation>
    </message>
    <message>
        <source>The decision can only be posted after the meeting that made it.</source>
        <translation>决议公开只能在作出决议的会议之后。</translation>
    </message>
    <message>
        <source>The result is posted after the decision.</source>
        <translation>结果公开应在决议公开之后。</translation>
    </message>
    <message>
        <source>Name the matter.</source>
        <translation>请填写事项名称。</translation>
    </message>
    <message>
        <source>{stage}: no vote is recorded.</source>
        <translation>{stage}：未记录表决情况。</translation>
    </message>
    <message>
        <source>{stage}: {present} of {due} present, at least {needed} needed.</source>
        <translation>{stage}：应到 {due} 人，实到 {present} 人，至少需要 {needed} 人到会。</translation>
    </message>
    <message>
        <source>{stage}: {votes} in favour, at least {needed} needed.</source>
        <translation>{stage}：同意 {votes} 票，至少需要 {needed} 票。</translation>
    </message>
    <message>
        <source>{stage} is not recorded yet.</source>
        <translation>{stage}尚未记录。</translation>
    </message>
    <message>
        <source>The decision has not been posted publicly yet (决议公开).</source>
        <translation>决议尚未公开（决议公开）。</translation>
    </message>
    <message>
        <source>The result has not been posted publicly yet (结果公开).</source>
        <translation>实施结果尚未公开（结果公开）。</translation>
    </message>
    <message>
        <source>This major matter no longer exists.</source>
        <translation>该重大事项已不存在。</translation>
    </message>
    <message>
        <source>finalised</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Give the PDF file to write: minutes ID OUT.pdf</source>
        <translation>请给出要写入的 PDF 文件：minutes ID OUT.pdf</translation>
    </message>
    <message>
        <source>Minutes written: {path}</source>
        <translation>会议记录已生成：{path}</translation>
    </message>
    <message>
        <source>{count} meeting(s) written to {path}</source>
        <translation>已导出 {count} 次会议到 {path}</translation>
    </message>
    <message>
        <source>Meetings: {imported} imported, {duplicates} duplicate(s), {rejected} rejected, of {total} row(s).</source>
        <translation>会议：共 {total} 行，导入 {imported} 行，重复 {duplicates} 行，拒绝 {rejected} 行。</translation>
    </message>
    <message>
        <source>Major matters (四议两公开): {imported} imported, {duplicates} duplicate(s), {rejected} rejected, of {total} row(s).</source>
        <translation>重大事项（四议两公开）：共 {total} 行，导入 {imported} 行，重复 {duplicates} 行，拒绝 {rejected} 行。</translation>
    </message>
    <message>
        <source>Report written: {path}</source>
        <translation>报告已写入：{path}</translation>
    </message>
    <message>
        <source>  {sheet} row {row}: {reason}</source>
        <translation>  {sheet} 第 {row} 行：{reason}</translation>
    </message>
    <message>
        <source>list meetings, or print one meeting&apos;s minutes to PDF</source>
        <translation>列出会议，或把一次会议的记录打印为 PDF</translation>
    </message>
    <message>
        <source>the meeting&apos;s id (first column of the list)</source>
        <translation>会议的 id（列表第一列）</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>要写入的 PDF 文件</translation>
    </message>
    <message>
        <source>add a sign-in sheet (签到表) on its own page</source>
        <translation>另起一页附签到表</translation>
    </message>
    <message>
        <source>Creating demo meetings…</source>
        <translation>正在生成演示议事记录…</translation>
    </message>
    <message>
        <source>{sheet} row {row}</source>
        <translation>{sheet} 第 {row} 行</translation>
    </message>
    <message>
        <source>The sheet &quot;{sheet}&quot; has no column {columns}; is this a meetings workbook?</source>
        <translation>工作表“{sheet}”中没有“{columns}”列；这是议事记录工作簿吗？</translation>
    </message>
    <message>
        <source>Time {value} is not in a form we can read; write it like 09:30</source>
        <translation>无法识别时间 {value}，请写成 09:30 这样</translation>
    </message>
    <message>
        <source>{value} is not a whole number</source>
        <translation>{value} 不是整数</translation>
    </message>
    <message>
        <source>Unknown value: {value}</source>
        <translation>无法识别的值：{value}</translation>
    </message>
    <message>
        <source>Agenda item number {n} appears twice.</source>
        <translation>议题序号 {n} 出现了两次。</translation>
    </message>
    <message>
        <source>There is no agenda item {n} in this meeting.</source>
        <translation>本次会议没有序号为 {n} 的议题。</translation>
    </message>
    <message>
        <source>A done action item needs its result and the date it was done.</source>
        <translation>已完成的事项须填写落实结果和完成日期。</translation>
    </message>
    <message>
        <source>An amendment needs its date, text and reason.</source>
        <translation>更正记录须有日期、更正内容和原因。</translation>
    </message>
    <message>
        <source>Meeting {number}: {problem}</source>
        <translation>会议 {number}：{problem}</translation>
    </message>
    <message>
        <source>Meeting {number} is finalised without a chair or recorder.</source>
        <translation>会议 {number} 已定稿，但没有主持人或记录人。</translation>
    </message>
    <message>
        <source>Action item {id} is closed without a result or date.</source>
        <translation>事项 {id} 已销号，但没有落实结果或完成日期。</translation>
    </message>
    <message>
        <source>Major matter &quot;{title}&quot;: {problem}</source>
        <translation>重大事项“{title}”：{problem}</translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation>未完成的决议事项</translation>
    </message>
    <message>
        <source>Action items past their deadline</source>
        <translation>已过时限的决议事项</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>议事记录</translation>
    </message>
    <message>
        <source>Meeting {number} is not on the sheet &quot;{sheet}&quot;.</source>
        <translation>会议 {number} 不在“{sheet}”工作表中。</translation>
    </message>
    <message>
        <source>Meeting {number} appears earlier in this file.</source>
        <translation>会议 {number} 在本文件前面已经出现过。</translation>
    </message>
    <message>
        <source>Meeting {number} is already in the database.</source>
        <translation>会议 {number} 已在数据库中。</translation>
    </message>
    <message>
        <source>The meeting number (会议编号) is empty.</source>
        <translation>会议编号为空。</translation>
    </message>
    <message>
        <source>Meeting {number} has amendments but is not finalised.</source>
        <translation>会议 {number} 有更正记录，但尚未定稿。</translation>
    </message>
    <message>
        <source>Meeting {number} is finalised in the database; it is not overwritten.</source>
        <translation>会议 {number} 在数据库中已定稿，不予覆盖。</translation>
    </message>
    <message>
        <source>A stage is written as meeting number/agenda item number, e.g. HY-20250305-01/2: {ref}</source>
        <translation>环节应写成“会议编号/议题序号”，如 HY-20250305-01/2：{ref}</translation>
    </message>
    <message>
        <source>There is no agenda item {ref}.</source>
        <translation>没有议题 {ref}。</translation>
    </message>
    <message>
        <source>The major matter &quot;{title}&quot; is already in the database.</source>
        <translation>重大事项“{title}”已在数据库中。</translation>
    </message>
    <message>
        <source>Importing meetings…</source>
        <translation>正在导入议事记录…</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Meeting / matter</source>
        <translation>会议 / 事项</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>Duplicate rows</source>
        <translation>重复的行</translation>
    </message>
    <message>
        <source>These minutes were already finalised on {date} by {name}.</source>
        <translation>该会议记录已于 {date} 由 {name} 定稿。</translation>
    </message>
    <message>
        <source>Name the chair before finalising: the chair signs the minutes.</source>
        <translation>定稿前请填写主持人：主持人要在记录上签字。</translation>
    </message>
    <message>
        <source>Name the recorder before finalising: the recorder signs the minutes.</source>
        <translation>定稿前请填写记录人：记录人要在记录上签字。</translation>
    </message>
    <message>
        <source>Write the correction.</source>
        <translation>请填写更正内容。</translation>
    </message>
    <message>
        <source>Give the reason for the correction.</source>
        <translation>请填写更正原因。</translation>
    </message>
    <message>
        <source>These minutes are not finalised yet: correct them directly.</source>
        <translation>该会议记录尚未定稿，可直接修改。</translation>
    </message>
    <message>
        <source>A correction cannot be dated before the minutes were finalised.</source>
        <translation>更正日期不能早于定稿日期。</translation>
    </message>
    <message>
        <source>Meeting {id} does not exist.</source>
        <translation>会议 {id} 不存在。</translation>
    </message>
    <message>
        <source>Choose the kind of meeting.</source>
        <translation>请选择会议类别。</translation>
    </message>
    <message>
        <source>Enter the name of the meeting.</source>
        <translation>请填写会议名称。</translation>
    </message>
    <message>
        <source>Enter the date of the meeting.</source>
        <translation>请填写会议日期。</translation>
    </message>
    <message>
        <source>The meeting must end after it starts.</source>
        <translation>结束时间应晚于开始时间。</translation>
    </message>
    <message>
        <source>At most {limit} characters.</source>
        <translation>最多 {limit} 个字。</translation>
    </message>
    <message>
        <source>Enter the name of the attendee.</source>
        <translation>请填写参会人员姓名。</translation>
    </message>
    <message>
        <source>Unknown attendance: {role}</source>
        <translation>无法识别的出席情况：{role}</translation>
    </message>
    <message>
        <source>{name} is in the attendance twice.</source>
        <translation>{name} 在出席名单中出现了两次。</translation>
    </message>
    <message>
        <source>The reason {name} was absent is not recorded.</source>
        <translation>未记录 {name} 的缺席原因。</translation>
    </message>
    <message>
        <source>Enter the agenda item.</source>
        <translation>请填写议题。</translation>
    </message>
    <message>
        <source>Unknown origin: {kind}</source>
        <translation>无法识别的来源：{kind}</translation>
    </message>
    <message>
        <source>A speech needs the speaker and what was said.</source>
        <translation>发言须有发言人和发言内容。</translation>
    </message>
    <message>
        <source>Describe what is to be done.</source>
        <translation>请填写要落实的事项。</translation>
    </message>
    <message>
        <source>Unknown way of voting: {method}</source>
        <translation>无法识别的表决方式：{method}</translation>
    </message>
    <message>
        <source>A number of votes cannot be negative.</source>
        <translation>票数不能为负数。</translation>
    </message>
    <message>
        <source>{total} votes were counted but only {present} people with a vote were present.</source>
        <translation>共计 {total} 票，但有表决权的实到人数只有 {present} 人。</translation>
    </message>
    <message>
        <source>Votes were counted but the way of voting (show of hands or secret ballot) is not chosen.</source>
        <translation>已填写票数，但未选择表决方式（举手或无记名）。</translation>
    </message>
    <message>
        <source>A {kind} needs {needed} of the {due} due present to decide; {present} were present.</source>
        <translation>{kind}应到 {due} 人，须有 {needed} 人到会方能表决；实到 {present} 人。</translation>
    </message>
    <message>
        <source>The motion did not pass: {votes} in favour, {needed} needed.</source>
        <translation>未通过：同意 {votes} 票，需要 {needed} 票。</translation>
    </message>
    <message>
        <source>These minutes are finalised (signed) and can no longer be changed; record a dated amendment instead.</source>
        <translation>该会议记录已定稿（已签字），不能再修改；如需更正，请添加注明日期的更正记录。</translation>
    </message>
    <message>
        <source>This meeting no longer exists.</source>
        <translation>该会议已不存在。</translation>
    </message>
    <message>
        <source>Part of this meeting was changed meanwhile; open it again.</source>
        <translation>该会议的部分内容已被他人修改，请重新打开。</translation>
    </message>
    <message>
        <source>An agenda item you removed is a stage of the major matter &quot;{title}&quot; (四议两公开); take it out of that matter first.</source>
        <translation>删除的议题是重大事项“{title}”（四议两公开）的一个环节；请先在该事项中将其移出。</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页 共 {pages} 页</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>Cannot replace {path}. If it is open in another program, close it and try again.</source>
        <translation>无法覆盖 {path}。如果它正在其他程序中打开，请关闭后重试。</translation>
    </message>
    <message>
        <source>Cannot save the PDF to {path}: {reason}</source>
        <translation>无法将 PDF 保存到 {path}：{reason}</translation>
    </message>
    <message>
        <source>{heading} (continued)</source>
        <translation>{heading}（续）</translation>
    </message>
    <message>
        <source>This volunteer is no longer on the list; they may have been removed meanwhile.</source>
        <translation>该志愿者已不在名单中，可能已被移除。</translation>
    </message>
    <message>
        <source>The period starts after it ends.</source>
        <translation>起始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>{name} has no recorded service hours in this period; there is nothing to certify.</source>
        <translation>{name} 在此期间没有登记服务时长，无法出具证明。</translation>
    </message>
    <message>
        <source>This is to certify that {name} (volunteer number {number}) served with the volunteer repair team of {issuer} from {start} to {end}, giving {hours} hours of volunteer service in {count} services (actual service time, travel not included).</source>
        <translation>兹证明 {name}（志愿者编号：{number}）于 {start} 至 {end} 期间参加{issuer}维修志愿服务队志愿服务 {count} 次，累计志愿服务时长 {hours} 小时（只计实际服务时间，不含路途时间）。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>单号/编号</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Volunteer Service Certificate</source>
        <translation>志愿服务证明</translation>
    </message>
    <message>
        <source>Hereby certified.</source>
        <translation>特此证明。</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务明细</translation>
    </message>
    <message>
        <source>(seal)</source>
        <translation>（盖章）</translation>
    </message>
    <message>
        <source>Give the month as YYYY-MM, e.g. 2026-11.</source>
        <translation>月份请写成 YYYY-MM，例如 2026-11。</translation>
    </message>
    <message>
        <source>Sheet {sheet}, header on row {row}.</source>
        <translation>工作表 {sheet}，表头在第 {row} 行。</translation>
    </message>
    <message>
        <source>Volunteers added: {names}</source>
        <translation>新增志愿者：{names}</translation>
    </message>
    <message>
        <source>  row {row}: {reason}</source>
        <translation>  第 {row} 行：{reason}</translation>
    </message>
    <message>
        <source>{count} repair job(s) written to {path}</source>
        <translation>已导出 {count} 张维修单到 {path}</translation>
    </message>
    <message>
        <source>{count} volunteer(s) written to {path}</source>
        <translation>已导出 {count} 名志愿者到 {path}</translation>
    </message>
    <message>
        <source>No volunteer with the number {number}.</source>
        <translation>没有编号为 {number} 的志愿者。</translation>
    </message>
    <message>
        <source>Certificate for {name} ({number}): {hours} hours, {count} services — {path}</source>
        <translation>{name}（{number}）志愿服务证明：{hours} 小时，{count} 次服务 — {path}</translation>
    </message>
    <message>
        <source>Repair register {year}-{month:02d}: {count} job(s) — {path}</source>
        <translation>维修登记簿 {year}-{month:02d}：{count} 张维修单 — {path}</translation>
    </message>
    <message>
        <source>first day of the period</source>
        <translation>期间的第一天</translation>
    </message>
    <message>
        <source>last day of the period</source>
        <translation>期间的最后一天</translation>
    </message>
    <message>
        <source>repairs: add volunteers named in the file who are not on the list yet</source>
        <translation>维修台账：文件中出现但尚未登记的志愿者一并新增</translation>
    </message>
    <message>
        <source>volunteer service certificate (志愿服务证明) as PDF</source>
        <translation>生成志愿服务证明（PDF）</translation>
    </message>
    <message>
        <source>date of issue (default: today)</source>
        <translation>出具日期（默认今天）</translation>
    </message>
    <message>
        <source>a month&apos;s repair register as PDF</source>
        <translation>生成月度维修登记簿（PDF）</translation>
    </message>
    <message>
        <source>the month (default: this month)</source>
        <translation>月份（默认本月）</translation>
    </message>
    <message>
        <source>Also on the roster</source>
        <translation>同时在居民花名册中</translation>
    </message>
    <message>
        <source>Creating demo repair jobs…</source>
        <translation>正在生成演示维修数据…</translation>
    </message>
    <message>
        <source>all dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>Job number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <source>Service mode</source>
        <translation>服务方式</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>付费方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <source>Completed at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Repair ledger ({period}), {count} jobs</source>
        <translation>便民维修登记台账（{period}），共 {count} 单</translation>
    </message>
    <message>
        <source>Repair jobs</source>
        <translation>维修登记</translation>
    </message>
    <message>
        <source>Volunteer number</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation>维修次数</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>排查次数</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Volunteer hours ({period}): {hours} hours in all</source>
        <translation>志愿服务时长（{period}）：合计 {hours} 小时</translation>
    </message>
    <message>
        <source>Repair job {number} is a gas job with the outcome &quot;{outcome}&quot;; gas is referral only.</source>
        <translation>维修单 {number} 为燃气维修，结果却是“{outcome}”；燃气维修只能转介。</translation>
    </message>
    <message>
        <source>Repair job {number} has an unknown status &quot;{status}&quot;.</source>
        <translation>维修单 {number} 的状态“{status}”无法识别。</translation>
    </message>
    <message>
        <source>Repair job {number} has an unknown outcome &quot;{outcome}&quot;.</source>
        <translation>维修单 {number} 的结果“{outcome}”无法识别。</translation>
    </message>
    <message>
        <source>Repair job {number} is closed but has no outcome.</source>
        <translation>维修单 {number} 已结束，但没有维修结果。</translation>
    </message>
    <message>
        <source>Repair job {number} has no registration event.</source>
        <translation>维修单 {number} 缺少登记记录。</translation>
    </message>
    <message>
        <source>{count} volunteer hour entries are longer than a day.</source>
        <translation>有 {count} 条志愿服务时长超过一天。</translation>
    </message>
    <message>
        <source>{count} link(s) point to repair jobs or safety checks that do not exist.</source>
        <translation>有 {count} 条关联指向不存在的维修单或排查记录。</translation>
    </message>
    <message>
        <source>Repair jobs not finished</source>
        <translation>未完成的维修单</translation>
    </message>
    <message>
        <source>Volunteer repair service</source>
        <translation>维修志愿服务</translation>
    </message>
    <message>
        <source>Unknown category &quot;{value}&quot;; use one of: {choices}.</source>
        <translation>无法识别的类别“{value}”；请使用：{choices}。</translation>
    </message>
    <message>
        <source>No category given; {category} was assumed from the item.</source>
        <translation>未填类别，已按物品推定为“{category}”。</translation>
    </message>
    <message>
        <source>Unknown outcome &quot;{value}&quot;; use 修好, 需再约, 转介 or 无法修复.</source>
        <translation>无法识别的结果“{value}”；请使用 修好、需再约、转介 或 无法修复。</translation>
    </message>
    <message>
        <source>The satisfaction &quot;{value}&quot; was not understood and was left out.</source>
        <translation>满意度“{value}”无法识别，已略去。</translation>
    </message>
    <message>
        <source>{rows} data rows: {imported} imported, {updated} updated, {rejected} rejected, {duplicates} duplicates.</source>
        <translation>共 {rows} 行数据：导入 {imported} 行，更新 {updated} 行，拒绝 {rejected} 行，重复 {duplicates} 行。</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>This job already appears in row {row} of this file.</source>
        <translation>同一维修单已在本文件第 {row} 行出现。</translation>
    </message>
    <message>
        <source>The number {number} is already in the ledger.</source>
        <translation>编号 {number} 已在台账中。</translation>
    </message>
    <message>
        <source>A job for {item} of {name} on {day} is already in the ledger.</source>
        <translation>{day} {name} 的{item}维修单已在台账中。</translation>
    </message>
    <message>
        <source>The volunteer {name} is not on the team list (add them first, or import with --create-volunteers).</source>
        <translation>志愿者 {name} 不在服务队名单中（请先新增，或导入时加 --create-volunteers）。</translation>
    </message>
    <message>
        <source>Say what is to be repaired (e.g. 电风扇).</source>
        <translation>请填写维修物品（例如 电风扇）。</translation>
    </message>
    <message>
        <source>The phone number {value} is masked and was left out.</source>
        <translation>电话 {value} 已打码，未导入。</translation>
    </message>
    <message>
        <source>Imported from {file}, row {row}</source>
        <translation>从 {file} 第 {row} 行导入</translation>
    </message>
    <message>
        <source>(imported)</source>
        <translation>（导入）</translation>
    </message>
    <message>
        <source>No column for {fields} was found in {name}; the header should name it (e.g. 物品, 日期).</source>
        <translation>在 {name} 中找不到“{fields}”列；表头应包含该列（例如 物品、日期）。</translation>
    </message>
    <message>
        <source>Importing row {row}…</source>
        <translation>正在导入第 {row} 行…</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Import of {file} (sheet {sheet}): {summary}</source>
        <translation>导入 {file}（工作表 {sheet}）：{summary}</translation>
    </message>
    <message>
        <source>{count} jobs registered: {parts}, still open {open}; {hours} hours of volunteer service.</source>
        <translation>本月登记 {count} 单：{parts}，未完成 {open}；志愿服务 {hours} 小时。</translation>
    </message>
    <message>
        <source>Repair register</source>
        <translation>便民维修登记簿</translation>
    </message>
    <message>
        <source>{issuer}&#x3000;{year}年{month}月&#x3000;{count} jobs</source>
        <translation>{issuer}&#x3000;{year}年{month}月&#x3000;共 {count} 单</translation>
    </message>
    <message>
        <source>Wufu community workstation, printed {day}</source>
        <translation>五福社区工作台&#x3000;打印于 {day}</translation>
    </message>
    <message>
        <source>No repair jobs were registered this month.</source>
        <translation>本月没有维修登记。</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Gas repairs can only be referred to a licensed gas company.</source>
        <translation>燃气维修只能转介专业单位。</translation>
    </message>
    <message>
        <source>Hours must be a number, e.g. 1.5.</source>
        <translation>服务时长须为数字，例如 1.5。</translation>
    </message>
    <message>
        <source>Hours &quot;{value}&quot; are not a number, e.g. 1.5.</source>
        <translation>服务时长“{value}”不是数字，例如 1.5。</translation>
    </message>
    <message>
        <source>Hours must be between 0 and 24 (actual service, no travel).</source>
        <translation>服务时长须在 0 到 24 小时之间（只计实际服务，不含路途）。</translation>
    </message>
    <message>
        <source>Wufu community residents&apos; committee</source>
        <translation>五福社区居民委员会</translation>
    </message>
    <message>
        <source>This safety check no longer exists; it may have been removed meanwhile.</source>
        <translation>该排查记录已不存在，可能已被移除。</translation>
    </message>
    <message>
        <source>Home safety check {number} ({day}, {address}) found a {severity} hazard ({category}): {description}</source>
        <translation>入户安全隐患排查 {number}（{day}，{address}）发现{severity}隐患（{category}）：{description}</translation>
    </message>
    <message>
        <source>This finding no longer exists.</source>
        <translation>该隐患记录已不存在。</translation>
    </message>
    <message>
        <source>This finding has already been turned into a request.</source>
        <translation>该隐患已转为诉求。</translation>
    </message>
    <message>
        <source>Only serious findings (较大, 重大) are turned into requests.</source>
        <translation>只有较大、重大隐患才能转为诉求。</translation>
    </message>
    <message>
        <source>From home safety check {number}</source>
        <translation>来自入户安全隐患排查 {number}</translation>
    </message>
    <message>
        <source>Hazard: {description}</source>
        <translation>隐患：{description}</translation>
    </message>
    <message>
        <source>Safety check {number} {address}</source>
        <translation>安全排查 {number} {address}</translation>
    </message>
    <message>
        <source>This repair job no longer exists; it may have been removed meanwhile.</source>
        <translation>该维修单已不存在，可能已被移除。</translation>
    </message>
    <message>
        <source>A volunteer on the list is no longer on the team.</source>
        <translation>名单中有志愿者已不在服务队中。</translation>
    </message>
    <message>
        <source>The request this job comes from no longer exists.</source>
        <translation>该维修单来源的诉求已不存在。</translation>
    </message>
    <message>
        <source>The follow-up comes after the job is finished or referred.</source>
        <translation>维修完成或转介后才能回访。</translation>
    </message>
    <message>
        <source>The number {number} is already in use.</source>
        <translation>编号 {number} 已被使用。</translation>
    </message>
    <message>
        <source>Became a repair job</source>
        <translation>转为维修单</translation>
    </message>
    <message>
        <source>The number of a job cannot be changed.</source>
        <translation>维修单的单号不能修改。</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现的隐患</translation>
    </message>
    <message>
        <source>{field} is longer than {n} characters.</source>
        <translation>{field}超过 {n} 个字符。</translation>
    </message>
    <message>
        <source>The date {day} is in the future.</source>
        <translation>日期 {day} 晚于今天。</translation>
    </message>
    <message>
        <source>Unknown value &quot;{value}&quot;; use one of: {choices}.</source>
        <translation>无法识别的值“{value}”；请使用：{choices}。</translation>
    </message>
    <message>
        <source>A volunteer is listed twice.</source>
        <translation>同一志愿者填写了两次。</translation>
    </message>
    <message>
        <source>The quantity of {name} must be a number above 0.</source>
        <translation>{name}的数量须为大于 0 的数字。</translation>
    </message>
    <message>
        <source>The material {name} has too long a name or unit.</source>
        <translation>材料 {name} 的名称或单位过长。</translation>
    </message>
    <message>
        <source>Say whom the repair is for: pick a resident, or type a name or address.</source>
        <translation>请说明为谁维修：选择居民，或填写姓名或地址。</translation>
    </message>
    <message>
        <source>Choose the category: 水, 电, 门窗, 家电 or 燃气.</source>
        <translation>请选择类别：水、电、门窗、家电 或 燃气。</translation>
    </message>
    <message>
        <source>Give the volunteer&apos;s name.</source>
        <translation>请填写志愿者姓名。</translation>
    </message>
    <message>
        <source>A finding has an unknown category or severity.</source>
        <translation>有隐患的类别或等级无法识别。</translation>
    </message>
    <message>
        <source>Give the address checked, or pick a resident.</source>
        <translation>请填写排查地址，或选择居民。</translation>
    </message>
    <message>
        <source>The volunteer number {number} is already in use.</source>
        <translation>志愿者编号 {number} 已被使用。</translation>
    </message>
    <message>
        <source>Repair: {item}</source>
        <translation>维修：{item}</translation>
    </message>
    <message>
        <source>Home safety check</source>
        <translation>入户安全隐患排查</translation>
    </message>
    <message>
        <source>The repair job is at &quot;{status}&quot;; &quot;{step}&quot; is not possible now.</source>
        <translation>维修单当前为“{status}”，现在不能“{step}”。</translation>
    </message>
    <message>
        <source>Add at least one volunteer to the job first.</source>
        <translation>请先为维修单添加至少一名志愿者。</translation>
    </message>
    <message>
        <source>Choose the outcome: fixed or beyond repair.</source>
        <translation>请选择结果：修好 或 无法修复。</translation>
    </message>
    <message>
        <source>Say to whom the job is referred (e.g. the gas company).</source>
        <translation>请说明转介给谁（例如燃气公司）。</translation>
    </message>
    <message>
        <source>Choose the resident&apos;s satisfaction: satisfied, mostly satisfied or not satisfied.</source>
        <translation>请选择居民满意度：满意、基本满意 或 不满意。</translation>
    </message>
    <message>
        <source>The note is longer than {n} characters.</source>
        <translation>说明超过 {n} 个字符。</translation>
    </message>
    <message>
        <source>A step cannot be dated before the job was registered ({day}).</source>
        <translation>办理时间不能早于登记日期（{day}）。</translation>
    </message>
    <message>
        <source>The time {at} is in the future.</source>
        <translation>时间 {at} 晚于现在。</translation>
    </message>
    <message>
        <source>Unknown step &quot;{step}&quot;.</source>
        <translation>未知的办理步骤“{step}”。</translation>
    </message>
    <message>
        <source>{count} request(s) written to {path}</source>
        <translation>已导出 {count} 条诉求到 {path}</translation>
    </message>
    <message>
        <source>Requests registered in {year}-{month:02d}: {total}</source>
        <translation>{year}年{month}月登记诉求：{total} 件</translation>
    </message>
    <message>
        <source>By channel: {parts}</source>
        <translation>按渠道：{parts}</translation>
    </message>
    <message>
        <source>By category: {parts}</source>
        <translation>按类别：{parts}</translation>
    </message>
    <message>
        <source>On time: {on_time} of {finished} finished ({rate})</source>
        <translation>按时办结：{on_time}/{finished}（{rate}）</translation>
    </message>
    <message>
        <source>Satisfied: {satisfied} of {followed} followed up ({rate})</source>
        <translation>满意：{satisfied}/{followed}（{rate}）</translation>
    </message>
    <message>
        <source>Still open and overdue: {count}</source>
        <translation>未办结且超期：{count} 件</translation>
    </message>
    <message>
        <source>monthly figures of the walk-in requests</source>
        <translation>来访诉求月度统计</translation>
    </message>
    <message>
        <source>Creating demo requests…</source>
        <translation>正在生成演示诉求…</translation>
    </message>
    <message>
        <source>{days} day(s) overdue</source>
        <translation>超期 {days} 天</translation>
    </message>
    <message>
        <source>Walk-in requests (exported {at})</source>
        <translation>来访登记台账（导出于 {at}）</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Request {number} is marked finished but has no finishing time.</source>
        <translation>诉求 {number} 标为已办结，但没有办结时间。</translation>
    </message>
    <message>
        <source>Request {number} is still open but has a finishing time.</source>
        <translation>诉求 {number} 尚未办结，却有办结时间。</translation>
    </message>
    <message>
        <source>Request {number} has an unknown status &quot;{status}&quot;.</source>
        <translation>诉求 {number} 的状态“{status}”无法识别。</translation>
    </message>
    <message>
        <source>Request {number} has no registration event.</source>
        <translation>诉求 {number} 缺少受理记录。</translation>
    </message>
    <message>
        <source>{count} link(s) point to requests that do not exist.</source>
        <translation>有 {count} 条关联指向不存在的诉求。</translation>
    </message>
    <message>
        <source>Overdue requests</source>
        <translation>超期诉求</translation>
    </message>
    <message>
        <source>Walk-in requests</source>
        <translation>来访登记</translation>
    </message>
    <message>
        <source>The number {number} appears earlier in this file.</source>
        <translation>编号 {number} 在本文件前面已出现。</translation>
    </message>
    <message>
        <source>The 12345 work order {number} appears earlier in this file.</source>
        <translation>12345工单号 {number} 在本文件前面已出现。</translation>
    </message>
    <message>
        <source>The 12345 work order {number} is already in the ledger.</source>
        <translation>12345工单号 {number} 已在台账中。</translation>
    </message>
    <message>
        <source>No column for {fields} was found in {name}; the header should name it (e.g. 诉求内容).</source>
        <translation>在 {name} 中找不到“{fields}”列；请在表头中注明（例如“诉求内容”）。</translation>
    </message>
    <message>
        <source>Time {value} does not exist</source>
        <translation>时间 {value} 不存在</translation>
    </message>
    <message>
        <source>{field} is empty.</source>
        <translation>{field}为空。</translation>
    </message>
    <message>
        <source>The deadline &quot;{value}&quot; is not a date; the category&apos;s default was used.</source>
        <translation>时限“{value}”不是日期，已按类别默认时限处理。</translation>
    </message>
    <message>
        <source>Unknown channel &quot;{value}&quot;; use one of: {choices}.</source>
        <translation>无法识别的渠道“{value}”，请使用：{choices}。</translation>
    </message>
    <message>
        <source>The category &quot;{value}&quot; is not in the category list and was recorded as {fallback}.</source>
        <translation>类别“{value}”不在类别表中，已记为“{fallback}”。</translation>
    </message>
    <message>
        <source>The follow-up result &quot;{value}&quot; is not one of 满意, 基本满意, 不满意 and was left out.</source>
        <translation>回访结果“{value}”不是满意、基本满意或不满意，未导入。</translation>
    </message>
    <message>
        <source>Unknown status &quot;{value}&quot;; use one of: {choices}.</source>
        <translation>无法识别的状态“{value}”，请使用：{choices}。</translation>
    </message>
    <message>
        <source>The status is &quot;{status}&quot; but there is no finishing time.</source>
        <translation>状态为“{status}”，但没有办结时间。</translation>
    </message>
    <message>
        <source>The status is &quot;{status}&quot; but a finishing time is given.</source>
        <translation>状态为“{status}”，却填写了办结时间。</translation>
    </message>
    <message>
        <source>The finishing time is before the registration time.</source>
        <translation>办结时间早于登记时间。</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>The category {name} is listed twice.</source>
        <translation>类别“{name}”重复。</translation>
    </message>
    <message>
        <source>The category name {name} is longer than 16 characters.</source>
        <translation>类别名称“{name}”超过 16 个字。</translation>
    </message>
    <message>
        <source>The time allowed for {name} must be 0 to 365 days.</source>
        <translation>“{name}”的办理时限须为 0 至 365 天。</translation>
    </message>
    <message>
        <source>At least one category is needed.</source>
        <translation>至少需要一个类别。</translation>
    </message>
    <message>
        <source>This resident is not on the roster (any more).</source>
        <translation>该居民不在（或已不在）花名册中。</translation>
    </message>
    <message>
        <source>This request no longer exists; it may have been removed meanwhile.</source>
        <translation>该诉求已不存在，可能已被他人移除。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Registered at</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>诉求人</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>受理人</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>交办单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>办理情况</translation>
    </message>
    <message>
        <source>Finished at</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <source>Follow-up visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>12345 work order number</source>
        <translation>12345工单号</translation>
    </message>
    <message>
        <source>The registration time {at} is in the future.</source>
        <translation>登记时间 {at} 晚于当前时间。</translation>
    </message>
    <message>
        <source>The deadline {deadline} is before the day of registration {day}.</source>
        <translation>时限 {deadline} 早于登记日期 {day}。</translation>
    </message>
    <message>
        <source>Write down what the request is about.</source>
        <translation>请填写诉求内容。</translation>
    </message>
    <message>
        <source>A request solved on the spot is not assigned to anyone.</source>
        <translation>当场办结的诉求无需交办。</translation>
    </message>
    <message>
        <source>Say which unit or person the request goes to.</source>
        <translation>请填写交办单位或责任人。</translation>
    </message>
    <message>
        <source>Give the new deadline.</source>
        <translation>请填写新的时限。</translation>
    </message>
    <message>
        <source>The deadline cannot be before the day the request was registered.</source>
        <translation>时限不能早于登记日期。</translation>
    </message>
    <message>
        <source>An extension needs a deadline after the current one ({deadline}).</source>
        <translation>延期后的时限须晚于当前时限（{deadline}）。</translation>
    </message>
    <message>
        <source>Choose the follow-up result: satisfied, mostly satisfied or not satisfied.</source>
        <translation>请选择回访结果：满意、基本满意或不满意。</translation>
    </message>
    <message>
        <source>Write a note for this step.</source>
        <translation>请填写此环节的说明。</translation>
    </message>
    <message>
        <source>A step cannot be dated before the request was registered ({at}).</source>
        <translation>办理环节的时间不能早于登记时间（{at}）。</translation>
    </message>
    <message>
        <source>The request is at &quot;{status}&quot;; &quot;{step}&quot; is not possible now.</source>
        <translation>诉求当前处于“{status}”，不能进行“{step}”。</translation>
    </message>
    <message>
        <source>… and {count} more like this</source>
        <translation>……另有 {count} 条类似问题</translation>
    </message>
    <message>
        <source>Resident {name} (no. {id}): {problem}</source>
        <translation>居民 {name}（编号 {id}）：{problem}</translation>
    </message>
    <message>
        <source>ID number {id_number} is on the active roster {count} times: {names}</source>
        <translation>公民身份号码 {id_number} 在现有花名册中登记了 {count} 次：{names}</translation>
    </message>
    <message>
        <source>Household {number}: the head {name} is not a member of it</source>
        <translation>户 {number}：户主 {name} 不是本户成员</translation>
    </message>
    <message>
        <source>Household {number}: the head {name} has been removed</source>
        <translation>户 {number}：户主 {name} 的记录已删除</translation>
    </message>
    <message>
        <source>Rows in the file: {rows}</source>
        <translation>文件中的数据行：{rows}</translation>
    </message>
    <message>
        <source>Imported: {count}</source>
        <translation>已导入：{count}</translation>
    </message>
    <message>
        <source>Not imported: {count}</source>
        <translation>未导入：{count}</translation>
    </message>
    <message>
        <source>Duplicates: {count}</source>
        <translation>重复：{count}</translation>
    </message>
    <message>
        <source>Existing residents updated: {count}</source>
        <translation>已更新的已有居民：{count}</translation>
    </message>
    <message>
        <source>Imported with something to check: {count}</source>
        <translation>已导入但需核对：{count}</translation>
    </message>
    <message>
        <source>Report: {path}</source>
        <translation>导入报告：{path}</translation>
    </message>
    <message>
        <source>A PDF roster always shows ID and phone numbers masked; --reveal is for .xlsx</source>
        <translation>PDF 花名册中的公民身份号码和电话始终脱敏显示；--reveal 仅用于 .xlsx</translation>
    </message>
    <message>
        <source>Export to a file ending in .xlsx or .pdf, not {name}</source>
        <translation>请导出为以 .xlsx 或 .pdf 结尾的文件，而不是 {name}</translation>
    </message>
    <message>
        <source>Exported {count} residents to {path}</source>
        <translation>已导出 {count} 名居民到 {path}</translation>
    </message>
    <message>
        <source>PDF: one section per building</source>
        <translation>PDF：按楼栋分节</translation>
    </message>
    <message>
        <source>Creating demo residents…</source>
        <translation>正在生成示例居民……</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>{community} resident roster</source>
        <translation>{community}居民花名册</translation>
    </message>
    <message>
        <source>Resident roster</source>
        <translation>居民花名册</translation>
    </message>
    <message>
        <source>No home address</source>
        <translation>未登记现居住地址</translation>
    </message>
    <message>
        <source>{building} ({count} residents)</source>
        <translation>{building}（{count} 人）</translation>
    </message>
    <message>
        <source>{date}&#x3000;{count} residents</source>
        <translation>{date}&#x3000;共 {count} 人</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>imported {imported}, not imported {rejected}, duplicates {duplicates}</source>
        <translation>导入 {imported} 条、未导入 {rejected} 条、重复 {duplicates} 条</translation>
    </message>
    <message>
        <source> ({updated} existing residents updated)</source>
        <translation>（其中更新已有居民 {updated} 人）</translation>
    </message>
    <message>
        <source>The workbook has no column for {fields}. Its columns are: {headers}</source>
        <translation>工作簿中没有“{fields}”列。现有的列为：{headers}</translation>
    </message>
    <message>
        <source>Same ID number as row {row} of this file</source>
        <translation>与本文件第 {row} 行的公民身份号码相同</translation>
    </message>
    <message>
        <source>Saving residents…</source>
        <translation>正在保存居民…</translation>
    </message>
    <message>
        <source>Checking rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在写入导入报告…</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Duplicate, not imported</source>
        <translation>重复，未导入</translation>
    </message>
    <message>
        <source>Duplicate, existing resident updated</source>
        <translation>重复，已更新已有居民</translation>
    </message>
    <message>
        <source>Imported, please check</source>
        <translation>已导入，请核对</translation>
    </message>
    <message>
        <source>Import report for {name}: {counts}</source>
        <translation>{name} 导入报告：{counts}</translation>
    </message>
    <message>
        <source>Home address: the building (楼栋) is missing</source>
        <translation>现居住地址缺少楼栋</translation>
    </message>
    <message>
        <source>Home address {value} is not in a form we can read; write it like 3号楼2单元401室 or 3-2-401</source>
        <translation>现居住地址“{value}”无法识别，请写成 3号楼2单元401室 或 3-2-401</translation>
    </message>
    <message>
        <source>{field} is too long: at most {n} characters</source>
        <translation>{field}过长：最多 {n} 个字符</translation>
    </message>
    <message>
        <source>{field} must be one of: {choices}</source>
        <translation>{field}只能是：{choices}</translation>
    </message>
    <message>
        <source>Name is required</source>
        <translation>姓名不能为空</translation>
    </message>
    <message>
        <source>ID number is masked (it contains *); import a full export, made with the numbers shown</source>
        <translation>公民身份号码已脱敏（含 *）；请导入显示完整号码的导出文件</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>Birth month {typed} differs from the one in the ID number ({from_id})</source>
        <translation>出生年月 {typed} 与公民身份号码中的出生日期（{from_id}）不一致</translation>
    </message>
    <message>
        <source>Birth date {date} is in the future</source>
        <translation>出生日期 {date} 晚于今天</translation>
    </message>
    <message>
        <source>Compound {compound} was left out: the row gives no building or room</source>
        <translation>小区“{compound}”未导入：该行没有楼栋或房号</translation>
    </message>
    <message>
        <source>Special group {name} is not one of the roster&apos;s tags and was left out</source>
        <translation>特殊人群“{name}”不在花名册的标签中，未导入此项</translation>
    </message>
    <message>
        <source>The row is marked {status}: only residents on the roster (在册) are imported</source>
        <translation>该行标为“{status}”：只导入在册居民</translation>
    </message>
    <message>
        <source>the file holds nothing new for this resident</source>
        <translation>文件中没有该居民的新信息</translation>
    </message>
    <message>
        <source>Updated {fields}</source>
        <translation>已更新：{fields}</translation>
    </message>
    <message>
        <source>Household {number} already has a head: {name}</source>
        <translation>户 {number} 已有户主：{name}</translation>
    </message>
    <message>
        <source>{field}: no such tag ({ids})</source>
        <translation>{field}：没有这个标签（{ids}）</translation>
    </message>
    <message>
        <source>Resident {id} does not exist</source>
        <translation>居民记录 {id} 不存在</translation>
    </message>
    <message>
        <source>{name} has been removed from the roster; restore the record before changing it</source>
        <translation>{name} 的记录已删除，请先恢复再修改</translation>
    </message>
    <message>
        <source>{name} is no longer on the active roster</source>
        <translation>{name} 已不在现有花名册中（已迁出或死亡）</translation>
    </message>
    <message>
        <source>Date left {date} is in the future</source>
        <translation>迁出/死亡日期 {date} 晚于今天</translation>
    </message>
    <message>
        <source>Former name</source>
        <translation>曾用名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Registered address</source>
        <translation>户籍地址</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>现居住地址</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>所属网格</translation>
    </message>
    <message>
        <source>Household number</source>
        <translation>户编号</translation>
    </message>
    <message>
        <source>Relation to head of household</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Residence status</source>
        <translation>人户状态</translation>
    </message>
    <message>
        <source>Resident type</source>
        <translation>人员类型</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>婚姻状况</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Date left</source>
        <translation>迁出/死亡日期</translation>
    </message>
    <message>
        <source>Reason for leaving</source>
        <translation>迁出/死亡原因</translation>
    </message>
    <message>
        <source>Birth date {typed} differs from the one in the ID number ({from_id})</source>
        <translation>出生日期 {typed} 与公民身份号码中的 {from_id} 不一致</translation>
    </message>
    <message>
        <source>Sex {typed} differs from the one in the ID number ({from_id})</source>
        <translation>性别“{typed}”与公民身份号码中的“{from_id}”不一致</translation>
    </message>
    <message>
        <source>ID number already registered: {name} ({address})</source>
        <translation>公民身份号码已登记：{name}（{address}）</translation>
    </message>
    <message>
        <source>ID number already registered: {name}</source>
        <translation>公民身份号码已登记：{name}</translation>
    </message>
</context>
</TS>
