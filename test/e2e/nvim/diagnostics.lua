-- Headless Neovim (0.7.2 from Debian: no vim.lsp.start, so start_client + buf_attach_client):
-- opens $GOVREPORT_FILE, attaches `$GOVREPORT_NODE $GOVREPORT_SERVER --stdio`, waits up to 10 s for
-- diagnostics, prints each as one JSON line on stdout and quits with 0; exits non-zero (cq) on
-- any failure or timeout. Run by test/e2e/nvim.test.ts:
--   nvim --headless --clean -u NONE -c 'luafile test/e2e/nvim/diagnostics.lua'
local function fail(msg)
  io.stderr:write('diagnostics.lua: ' .. msg .. '\n')
  vim.cmd('cq')
end

local file = os.getenv('GOVREPORT_FILE')
local server = os.getenv('GOVREPORT_SERVER')
local node = os.getenv('GOVREPORT_NODE') or 'node'
if not file or not server then return fail('GOVREPORT_FILE and GOVREPORT_SERVER must be set') end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()

local server_log = {}
local client_id = vim.lsp.start_client({
  name = 'govreport',
  cmd = { node, server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
  -- Chinese messages whatever the locale: pushed at initialize and answered on workspace/configuration.
  init_options = { settings = { language = 'zh' } },
  settings = { govreport = { language = 'zh' } },
  handlers = {
    ['window/logMessage'] = function(_, result) table.insert(server_log, result and result.message or '') end,
  },
  on_exit = function(code, signal)
    if code ~= 0 then io.stderr:write(('server exited with code %s signal %s\n'):format(code, signal)) end
  end,
})
if not client_id then return fail('vim.lsp.start_client returned nil') end
if not vim.lsp.buf_attach_client(bufnr, client_id) then return fail('buf_attach_client failed') end

local ok = vim.wait(10000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
if not ok then
  for _, l in ipairs(server_log) do io.stderr:write('server: ' .. l .. '\n') end
  return fail('no diagnostics within 10 s')
end

for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  io.stdout:write(vim.fn.json_encode({
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    severity = d.severity, source = d.source or lsp.source, code = d.code or lsp.code, message = d.message,
  }) .. '\n')
end
io.stdout:flush()
vim.lsp.stop_client(client_id)
vim.cmd('qa!')
