// Build step: copies the learned critics' weights next to the compiled loader (tsc copies only what it compiles).
import { cpSync } from 'node:fs';

cpSync('src/critics/model/weights', 'dist/critics/model/weights', { recursive: true });
