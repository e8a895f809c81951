<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <name>HomeTab</name>
        <message>
            <source>Wufu Community Workstation</source>
            <translation>五福社区工作台</translation>
        </message>
        <message>
            <source>No ledgers are installed yet.</source>
            <translation>尚未安装任何台账。</translation>
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
        <name>Tabs</name>
        <message>
            <source>Overview</source>
            <translation>概览</translation>
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
            <source>export records to Excel or PDF</source>
            <translation>导出记录为 Excel 或 PDF</translation>
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
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file {name} is damaged and cannot be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The workbook {name} is password-protected. Remove the password in Excel and save it again, then import it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file {name} cannot be opened. Close it in other programs and check that you are allowed to read it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file {path} does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} is not a file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file {name} is {size} MB; files over {limit} MB cannot be imported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} contains XML declarations that a workbook never needs (DOCTYPE or ENTITY) and was refused for safety.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} would expand to an unreasonably large size when opened (it looks like a zip bomb) and was refused for safety.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} is a folder, not a file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The folder {folder} does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot save in the folder {folder}; check that you are allowed to write there.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot replace {name}: it is open in Excel or another program, or it is read-only. Close it and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not save {name}: {reason}</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date {value} does not exist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date {value} is not in a form we can read; write it like 1950-03-05</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date {value} is incomplete: the month or day is missing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date {value} was stored by Excel as a number, so January and October look the same; format the column as text and type it again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ID number: the check character is wrong, it should be {expected}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ID number was stored by Excel as a number and has lost its last digits; format the column as text and type the number again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ID number is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ID number may contain only digits and a final X; found: {chars}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ID number has 15 digits: this is the old 15-digit form, enter the current 18-digit number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ID number must have 18 characters; this one has {n}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ID number: the birth date {digits} in it is not a real date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ID number: the birth date {date} in it is in the future</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone number is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone number {value} contains characters other than digits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mobile number {value} has {n} digits; it should have 11</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mobile number {value} should start with 13 to 19</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Landline number {value}: after the area code there should be 7 or 8 digits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone number {value} is neither a mobile number (11 digits starting with 13 to 19) nor a landline (area code and 7 to 8 digits)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Landline number {value} has no area code</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>