-- Headless Neovim 0.7.2: the plain-LSP features of issue 17 through vim.lsp. For each entry of
-- $GOVREPORT_FILES ("path|CODE;path|CODE"): opens the file, attaches the server, waits (20 s at
-- most) for a diagnostic with that code, then prints JSON lines: every diagnostic, the document
-- symbols, the folding ranges, the CodeLens titles, the hover on the first diagnostic of that code,
-- and the code action titles offered on the first diagnostic of each code. Exits with cq
-- on any failure. Run by test/e2e/nvim.test.ts.
local function fail(msg)
  io.stderr:write('features.lua: ' .. msg .. '\n')
  vim.cmd('cq')
end

local files = os.getenv('GOVREPORT_FILES')
local server = os.getenv('GOVREPORT_SERVER')
local node = os.getenv('GOVREPORT_NODE') or 'node'
if not files or not server then return fail('GOVREPORT_FILES and GOVREPORT_SERVER must be set') end

local function out(t)
  io.stdout:write(vim.fn.json_encode(t) .. '\n')
end

local client_id
for entry in string.gmatch(files, '[^;]+') do
  local file, want = entry:match('^(.-)|(.*)$')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  if not client_id then
    client_id = vim.lsp.start_client({
      name = 'govreport',
      cmd = { node, server, '--stdio' },
      root_dir = vim.fn.fnamemodify(file, ':p:h'),
      init_options = { settings = { language = 'zh' } },
      settings = { govreport = { language = 'zh' } },
    })
    if not client_id then return fail('vim.lsp.start_client returned nil') end
  end
  if not vim.lsp.buf_attach_client(bufnr, client_id) then return fail('buf_attach_client failed') end
  local has = function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      if (d.code or lsp.code) == want then return true end
    end
    return false
  end
  if not vim.wait(20000, has, 50) then return fail('no ' .. want .. ' diagnostic on ' .. file .. ' within 20 s') end
  local client = vim.lsp.get_client_by_id(client_id)
  local uri = vim.uri_from_bufnr(bufnr)
  local first = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    local code = d.code or lsp.code
    out({ file = file, kind = 'diagnostic', lnum = d.lnum, code = code, message = d.message })
    -- (0.7 keeps no LSP range in user_data: the diagnostic's whole line is asked about)
    if not first[code] then first[code] = { range = { start = { line = d.lnum, character = 0 }, ['end'] = { line = d.lnum + 1, character = 0 } }, lsp = lsp, code = code, message = d.message } end
  end
  local symbols = client.request_sync('textDocument/documentSymbol', { textDocument = { uri = uri } }, 10000, bufnr)
  if not symbols or symbols.err then return fail('documentSymbol failed') end
  for _, s in ipairs(symbols.result or {}) do out({ file = file, kind = 'symbol', name = s.name }) end
  local folds = client.request_sync('textDocument/foldingRange', { textDocument = { uri = uri } }, 10000, bufnr)
  if not folds or folds.err then return fail('foldingRange failed') end
  for _, r in ipairs(folds.result or {}) do out({ file = file, kind = 'fold', startLine = r.startLine, endLine = r.endLine }) end
  local lenses = client.request_sync('textDocument/codeLens', { textDocument = { uri = uri } }, 10000, bufnr)
  if not lenses or lenses.err then return fail('codeLens failed') end
  for _, l in ipairs(lenses.result or {}) do out({ file = file, kind = 'lens', lnum = l.range.start.line, title = l.command and l.command.title or '' }) end
  -- Hover on the cell of the first diagnostic of the wanted code: the cursor is put there and
  -- make_position_params turns its byte column into the LSP position (UTF-16) as a user's K would.
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    if (d.code or lsp.code) == want then
      vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
      local h = client.request_sync('textDocument/hover', vim.lsp.util.make_position_params(), 10000, bufnr)
      if not h or h.err then return fail('hover failed') end
      local c = h.result and h.result.contents or {}
      out({ file = file, kind = 'hover', lnum = d.lnum, value = type(c) == 'table' and (c.value or '') or tostring(c) })
      break
    end
  end
  for code, f in pairs(first) do
    local diagnostic = { range = f.range, code = code, message = f.message, source = 'govreport' }
    local r = client.request_sync('textDocument/codeAction', { textDocument = { uri = uri }, range = f.range, context = { diagnostics = { diagnostic } } }, 10000, bufnr)
    if not r or r.err then return fail('codeAction failed') end
    local titles = {}
    for _, a in ipairs(r.result or {}) do table.insert(titles, a.title) end
    out({ file = file, kind = 'actions', code = code, lnum = f.range.start.line, titles = titles })
  end
end
io.stdout:flush()
vim.lsp.stop_client(client_id)
vim.cmd('qa!')
