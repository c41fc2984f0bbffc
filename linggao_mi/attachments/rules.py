"""Rules of the full-process record's attachments; tests assert these constants."""

from linggao_mi.casework.rules import Rule

FULL_PROCESS_RECORD = (
    "《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》"
    "（国办发〔2018〕118号）"
)

TYPE_REFUSED = Rule(
    "attachment.type",
    "只能上传照片（JPEG、PNG、HEIC、WebP）、录音（MP3、M4A、WAV、AMR）、录像（MP4、MOV、3GP）或 PDF 文件；"
    "类型按文件内容识别，与文件名无关",
    "本平台执法全过程记录附件规则",
)
RECEIPT_TYPE_REFUSED = Rule(
    "attachment.receipt_type",
    "送达回证只能是照片（JPEG、PNG、HEIC、WebP）或 PDF 文件",
    "本平台文书送达记录规则",
)
TOO_LARGE = Rule("attachment.size", "文件超过大小上限", "本平台执法全过程记录附件规则")
EMPTY = Rule("attachment.empty", "文件为空，请重新选择", "本平台执法全过程记录附件规则")
CLOSED_CASE_ADD = Rule(
    "attachment.closed_case_add",
    "案件已办结，执法全过程记录已归档，不得再上传附件",
    FULL_PROCESS_RECORD,
)
CLOSED_CASE_RECORD = Rule(
    "attachment.closed_case",
    "案件已办结，执法全过程记录只能查阅，不得删除",
    FULL_PROCESS_RECORD,
)
RECORD_IN_USE = Rule(
    "attachment.in_use",
    "该文件是案件某项记录的组成部分（如报送备案的招标文件、随结果公告的采购文件），不得删除",
    FULL_PROCESS_RECORD,
)
