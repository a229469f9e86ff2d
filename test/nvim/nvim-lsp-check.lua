-- Neovim (0.7+) as a second real LSP client. Run by nvim-lsp-check.sh:
--   SERVER=dist/server.js FILE=doc.md [EXPECT=lua-pattern] nvim --headless --clean -c 'luafile nvim-lsp-check.lua'
-- Starts the server over stdio, opens FILE, waits for diagnostics, prints them, then checks a completion after
-- `## ` on a new last line. Exits 0 when diagnostics arrived (and one matches EXPECT, when given), 1 otherwise.
local server = assert(os.getenv('SERVER'), 'SERVER is not set')
local file = assert(os.getenv('FILE'), 'FILE is not set')
local function out(s) io.stdout:write(s .. '\n') end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'mldoc',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
  settings = { mldoc = { enable = true } },
  on_exit = function(code, signal) if code ~= 0 then io.stderr:write(('server exited code=%s signal=%s\n'):format(code, signal)) end end,
})
assert(client_id, 'start_client failed')
vim.lsp.buf_attach_client(bufnr, client_id)

local arrived = vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
local diags = vim.diagnostic.get(bufnr)
out('filetype=' .. vim.bo[bufnr].filetype)
out('diagnostics=' .. #diags)
for _, d in ipairs(diags) do
  out(('  %d:%d severity=%d source=%s code=%s %s'):format(d.lnum + 1, d.col + 1, d.severity, tostring(d.source),
    tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)), d.message:sub(1, 70)))
end

-- A completion after `## ` on a new last line: the missing sections.
local items = {}
local client = vim.lsp.get_client_by_id(client_id)
if client then
  local last = vim.api.nvim_buf_line_count(bufnr)
  vim.api.nvim_buf_set_lines(bufnr, last, last, false, { '## ' })
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = last, character = 3 } }
  local response = client.request_sync('textDocument/completion', params, 5000, bufnr)
  local result = response and response.result or {}
  items = result.items or result
  out('completions=' .. #items .. (items[1] and (' first=' .. items[1].label) or ''))
end

local expect = os.getenv('EXPECT')
local matched = expect == nil
for _, d in ipairs(diags) do if expect and d.message:lower():find(expect) then matched = true end end
local pass = arrived and #diags > 0 and matched
out(pass and 'RESULT: PASS' or 'RESULT: FAIL')
vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
vim.cmd(pass and 'qall!' or 'cquit! 1')
