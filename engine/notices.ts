// Findings about a document as a whole, which no rule's check produces: the engine's source stage
// (and a host reading files) reports them when a document cannot be read at all.
import { defineRule } from './rules/api.ts';

export const FILE_UNREADABLE = defineRule({
  id: 'FILE-UNREADABLE',
  severity: 'error',
  versions: ['any'],
  always: true,
  summary: { zh: '文件无法读取或解码', en: 'File cannot be read or decoded' },
  messages: {
    default: { zh: '无法读取文件：{reason}', en: 'The file cannot be read: {reason}' },
    binary: { zh: '文件含有二进制内容（如 NUL 字节），不是文本文件，未检查', en: 'The file has binary content (e.g. NUL bytes); it is not a text file and was not checked' },
    undecodable: {
      zh: '文件编码无法识别（支持 UTF-8、带 BOM 的 UTF-16、GB18030/GBK），未检查',
      en: 'The file’s encoding is not recognised (UTF-8, UTF-16 with BOM and GB18030/GBK are supported); it was not checked',
    },
    'legacy-office': {
      zh: '文件是 Word 97–2003（.doc）、WPS（.wps）或 RTF 格式，无法直接检查；请另存为 .docx 后再检查',
      en: 'The file is in Word 97–2003 (.doc), WPS (.wps) or RTF format and cannot be checked; save it as .docx and check again',
    },
    'zip-not-docx': { zh: '文件是压缩包，但不是 Word 文档（.docx），未检查', en: 'The file is a ZIP archive but not a Word document (.docx); it was not checked' },
    'docx-damaged': { zh: 'Word 文档（.docx）已损坏或不完整，无法读取，未检查', en: 'The Word document (.docx) is damaged or incomplete and cannot be read; it was not checked' },
    'docx-too-large': {
      zh: 'Word 文档（.docx）解压后超过 50 MB 或含有超过 10,000 个部件，未检查',
      en: 'The Word document (.docx) expands to more than 50 MB or holds more than 10,000 parts; it was not checked',
    },
    'html-too-large': { zh: '网页超过 2,000 万个字符，未检查', en: 'The web page has more than 20 million characters; it was not checked' },
    'pdf-damaged': { zh: 'PDF 文件已损坏或格式有误，无法读取，未检查', en: 'The PDF is damaged or malformed and cannot be read; it was not checked' },
    'pdf-encrypted': { zh: 'PDF 文件已加密（需要密码），无法读取，未检查', en: 'The PDF is encrypted (it needs a password) and cannot be read; it was not checked' },
    'pdf-no-text': { zh: 'PDF 无文字层（扫描件），需先做文字识别', en: 'The PDF has no text layer (a scan); it needs text recognition first' },
    'pdf-too-large': { zh: 'PDF 文件超过 2,000 页或读取超时，未检查', en: 'The PDF has more than 2,000 pages or took too long to read; it was not checked' },
  },
  check() {},
});
