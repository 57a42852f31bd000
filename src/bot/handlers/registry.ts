import type { Command } from '../commands/command.ts';
import type { CommandHandler } from './handler.ts';
import { handleFinish } from './finish.ts';
import { handleRegister } from './register.ts';
import { handleShow } from './show.ts';
import { handleTodo } from './todo.ts';

/** One line per command: the command type and the handler that answers it. */
export const HANDLERS: { [T in Command['type']]?: CommandHandler<T> } = {
  register: handleRegister,
  finish: handleFinish,
  show: handleShow,
  todo: handleTodo,
};
